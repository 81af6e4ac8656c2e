namespace CallCenter.Reporting;

/// <summary>The audit trail in the query store: one hash chain per day (call-centre time zone).</summary>
public interface IAuditTrail
{
    /// <summary>Appends to the day's chain and returns once the line is committed; the same line id twice is stored once.</summary>
    Task Append(DateOnly day, AuditEntry entry);

    Task<IReadOnlyList<AuditEntry>> Entries(DateOnly day);

    /// <summary>Recomputes the day's hash chain from what is stored.</summary>
    Task<AuditVerification> Verify(DateOnly day);
}
