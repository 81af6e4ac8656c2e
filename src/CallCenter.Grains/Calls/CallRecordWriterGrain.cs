namespace CallCenter.Calls;

/// <summary>Hands finished calls' records to this silo's writer, which batches them into the query store. Reentrant: the writer gathers
/// what many callers hand it into one commit, which one call at a time would never let it do.
/// </summary>
[StatelessWorker(1), Reentrant]
[GrainType("call-record-writer")]
public sealed class CallRecordWriterGrain(ICallRecords records) : Grain, ICallRecordWriterGrain
{
    Task ICallRecordWriterGrain.Write(CallDetail call) => records.Write(call);
}
