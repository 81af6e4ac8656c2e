namespace CallCenter.Routing;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.AbandonedCall")]
public sealed record AbandonedCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string MaskedCaller,
    [property: Id(2)] double WaitedSeconds,
    [property: Id(3)] DateTimeOffset At);
