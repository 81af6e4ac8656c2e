namespace CallCenter.Reporting;

/// <summary>How grains and endpoints reach this host's audit trail writer (one per silo, never remote).</summary>
[Alias("CallCenter.Reporting.IAuditWriterGrain")]
public interface IAuditWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Returns once the line is committed to the store.</summary>
    [Alias("Append")] Task Append(DateOnly day, AuditEntry entry);
}
