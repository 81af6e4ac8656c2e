namespace CallCenter.Routing;

/// <summary>A call as the queue holds it. <paramref name="EnteredAt"/> is when it entered this queue.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.QueuedCall")]
public sealed record QueuedCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Caller,
    [property: Id(2)] int Priority,
    [property: Id(3)] DateTimeOffset EnteredAt);
