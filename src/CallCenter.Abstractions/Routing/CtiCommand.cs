namespace CallCenter.Routing;

/// <summary>A command from the platform to the softswitch, e.g. "offer" a call to a seat's phone or "cancel-offer".</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.CtiCommand")]
public sealed record CtiCommand(
    [property: Id(0)] string Kind,
    [property: Id(1)] string CallId,
    [property: Id(2)] string SeatId,
    [property: Id(3)] string? Caller,
    [property: Id(4)] string? Queue,
    [property: Id(5)] DateTimeOffset At);
