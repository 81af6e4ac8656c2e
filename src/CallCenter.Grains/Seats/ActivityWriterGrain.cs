namespace CallCenter.Seats;

/// <summary>Hands seats' ended state spans to this silo's writer, which batches them into the query store.</summary>
[StatelessWorker]
[GrainType("activity-writer")]
public sealed class ActivityWriterGrain(IAgentActivity activity) : Grain, IActivityWriterGrain
{
    Task IActivityWriterGrain.Write(IReadOnlyList<SeatSpan> spans) => activity.Write(spans);
}
