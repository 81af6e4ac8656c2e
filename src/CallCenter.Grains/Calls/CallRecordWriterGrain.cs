namespace CallCenter.Calls;

/// <summary>Hands finished calls' records to this silo's writer, which batches them into the query store.</summary>
[StatelessWorker]
[GrainType("call-record-writer")]
public sealed class CallRecordWriterGrain(ICallRecords records) : Grain, ICallRecordWriterGrain
{
    Task ICallRecordWriterGrain.Write(CallDetail call) => records.Write(call);
}
