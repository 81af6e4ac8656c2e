using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Reporting;

/// <summary>
/// Removes what has outlived its retention once a day at 02:00 (a reminder, so it survives restarts and silo deaths): call
/// records with their activity spans, recording files, whole audit days. Each run is written to the audit trail.
/// </summary>
[GrainType("retention")]
public sealed class RetentionGrain(
    [PersistentState("retention", StorageNames.Grains)] IPersistentState<RetentionRecord> state,
    IHistoryRetention history,
    IServiceProvider services,
    IOptions<RetentionOptions> options,
    CallCenterClock clock,
    ILogger<RetentionGrain> logger) : Grain, IRetentionGrain, IRemindable
{
    private const string Daily = "daily";

    async Task IRetentionGrain.Schedule()
    {
        if (await this.GetReminder(Daily) is null)
        {
            // At 02:00 in the centre's time zone, away from the working day's traffic.
            var tonight = clock.At(clock.Today.AddDays(1), new TimeOnly(2, 0));
            var due = tonight - clock.Now;
            await this.RegisterOrUpdateReminder(Daily, due > TimeSpan.FromDays(1) ? due - TimeSpan.FromDays(1) : due, TimeSpan.FromDays(1));
        }
    }

    Task<RetentionRun> IRetentionGrain.Run(string by) => Run(by);

    Task<RetentionRun?> IRetentionGrain.Last() => Task.FromResult(state.State.Last);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Daily)
        {
            await Run("retention");
        }
    }

    private async Task<RetentionRun> Run(string by)
    {
        var o = options.Value;
        var now = clock.Now;
        DateTimeOffset? Before(int days) => days > 0 ? now.AddDays(-days) : null;
        var (callsBefore, recordingsBefore) = (Before(o.CallRecordsDays), Before(o.RecordingsDays));
        DateOnly? auditBefore = o.AuditDays > 0 ? clock.Today.AddDays(-o.AuditDays) : null;

        var (calls, spans) = callsBefore is { } c ? await history.RemoveCallsBefore(c) : (0, 0);
        var recordings = 0;
        if (recordingsBefore is { } r && services.GetService<IRecordingFiles>() is { } files)
        {
            var removed = files.RemoveBefore(r);
            await history.RecordingsRemoved(removed.ToList());
            recordings = removed.Count;
        }

        var audit = auditBefore is { } a ? await history.RemoveAuditBefore(a) : 0;
        var run = new RetentionRun(now, by, calls, spans, audit, recordings, callsBefore, recordingsBefore, auditBefore);
        state.State.Last = run;
        await state.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "retention-run", "history",
            $"callRecords={calls}; activitySpans={spans}; auditLines={audit}; recordings={recordings}; " +
            $"callsBefore={callsBefore:O}; recordingsBefore={recordingsBefore:O}; auditBefore={auditBefore:yyyy-MM-dd}");
        logger.LogInformation("Retention removed {Calls} call records, {Spans} activity spans, {Audit} audit lines, {Recordings} recordings", calls, spans, audit, recordings);
        return run;
    }
}

[GenerateSerializer]
public sealed class RetentionRecord
{
    [Id(0)] public RetentionRun? Last { get; set; }
}
