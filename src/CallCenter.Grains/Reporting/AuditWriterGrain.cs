namespace CallCenter.Reporting;

/// <summary>Hands audit lines to this silo's trail writer, which batches them into the query store.</summary>
[StatelessWorker]
[GrainType("audit-writer")]
public sealed class AuditWriterGrain(IAuditTrail trail) : Grain, IAuditWriterGrain
{
    Task IAuditWriterGrain.Append(DateOnly day, AuditEntry entry) => trail.Append(day, entry);
}
