namespace CallCenter.Seats;

/// <summary>Hands seats' ended state spans to this silo's writer, which batches them into the query store. Reentrant: the writer gathers
/// what many callers hand it into one commit, which one call at a time would never let it do.
/// </summary>
[StatelessWorker(1), Reentrant]
[GrainType("activity-writer")]
public sealed class ActivityWriterGrain(IAgentActivity activity) : Grain, IActivityWriterGrain
{
    Task IActivityWriterGrain.Write(IReadOnlyList<SeatSpan> spans) => activity.Write(spans);
}
