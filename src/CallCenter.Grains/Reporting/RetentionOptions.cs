namespace CallCenter.Reporting;

/// <summary>How long each kind of history is kept, in days (<c>CallCenter__Retention__*</c>); 0 keeps it for ever.</summary>
public sealed class RetentionOptions
{
    public int CallRecordsDays { get; set; } = 1_825;

    public int RecordingsDays { get; set; } = 1_095;

    public int AuditDays { get; set; } = 3_650;
}
