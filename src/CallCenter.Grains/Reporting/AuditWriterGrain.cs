namespace CallCenter.Reporting;

/// <summary>Hands audit lines to this silo's trail writer, which batches them into the query store. Reentrant: the writer gathers
/// what many callers hand it into one commit, which one call at a time would never let it do.
/// </summary>
[StatelessWorker(1), Reentrant]
[GrainType("audit-writer")]
public sealed class AuditWriterGrain(IAuditTrail trail) : Grain, IAuditWriterGrain
{
    Task IAuditWriterGrain.Append(DateOnly day, AuditEntry entry) => trail.Append(day, entry);
}
