namespace CallCenter.Reporting;

/// <summary>The audit trail of one day (key "yyyy-MM-dd", call-centre time zone): append-only and hash-chained.</summary>
[Alias("CallCenter.Reporting.IAuditDayGrain")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Returns once the entry is durable.</summary>
    [Alias("Append")] Task Append(AuditEntry entry);

    [Alias("Entries")] Task<IReadOnlyList<AuditEntry>> Entries();

    /// <summary>Recomputes the day's hash chain from what is stored.</summary>
    [Alias("Verify")] Task<AuditVerification> Verify();
}
