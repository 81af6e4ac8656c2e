namespace CallCenter.Routing;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.QueueDefinition")]
public sealed record QueueDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] RoutingStrategy Strategy,
    [property: Id(2)] int ServiceLevelSeconds,
    [property: Id(3)] int RingTimeoutSeconds,
    [property: Id(4)] OverflowRule? Overflow);
