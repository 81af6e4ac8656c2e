namespace CallCenter.Reporting;

/// <summary>What one retention run removed, and the cut-offs it used (null: that kind is kept for ever).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Reporting.RetentionRun")]
public sealed record RetentionRun(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] int CallRecords,
    [property: Id(3)] int ActivitySpans,
    [property: Id(4)] int AuditLines,
    [property: Id(5)] int Recordings,
    [property: Id(6)] DateTimeOffset? CallRecordsBefore,
    [property: Id(7)] DateTimeOffset? RecordingsBefore,
    [property: Id(8)] DateOnly? AuditBefore);

/// <summary>Removes expired rows from the query store.</summary>
public interface IHistoryRetention
{
    /// <summary>Call records that ended, activity spans that ended and alerts raised before the cut-off.</summary>
    Task<(int CallRecords, int ActivitySpans)> RemoveCallsBefore(DateTimeOffset cutoff);

    /// <summary>Whole days of the audit trail before the day given (each day is its own chain, so the rest still verify).</summary>
    Task<int> RemoveAuditBefore(DateOnly day);

    /// <summary>Marks these calls' records as having no recording any more and takes them out of the recordings index.</summary>
    Task RecordingsRemoved(IReadOnlyCollection<string> callIds);
}

/// <summary>The recording files of this installation (on the shared volume in a cluster).</summary>
public interface IRecordingFiles
{
    /// <summary>Deletes every recording (audio and analysis) written before the cut-off; returns the calls they belonged to.</summary>
    IReadOnlyList<string> RemoveBefore(DateTimeOffset cutoff);
}

/// <summary>The daily retention job: one for the cluster, woken by a reminder.</summary>
[Alias("CallCenter.Reporting.IRetentionGrain")]
public interface IRetentionGrain : IGrainWithIntegerKey
{
    /// <summary>Makes sure the daily reminder exists (every host calls this at start).</summary>
    [Alias("Schedule")] Task Schedule();

    /// <summary>Runs now (an administrator's request, or the reminder).</summary>
    [Alias("Run")] Task<RetentionRun> Run(string by);

    [Alias("Last")] Task<RetentionRun?> Last();
}
