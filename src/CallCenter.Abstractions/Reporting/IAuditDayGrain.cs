namespace CallCenter.Reporting;

/// <summary>The audit trail of one day (key "yyyy-MM-dd", call-centre time zone): append-only.</summary>
[Alias("CallCenter.Reporting.IAuditDayGrain")]
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Returns once the entry is durable.</summary>
    [Alias("Append")] Task Append(AuditEntry entry);

    [Alias("Entries")] Task<IReadOnlyList<AuditEntry>> Entries();
}
