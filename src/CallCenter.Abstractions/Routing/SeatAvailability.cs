namespace CallCenter.Routing;

/// <summary>A seat tells each queue it serves whether it can take a call, and what the strategies rank it by.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.SeatAvailability")]
public sealed record SeatAvailability(
    [property: Id(0)] string SeatId,
    [property: Id(1)] int Level,
    [property: Id(2)] bool Available,
    [property: Id(3)] DateTimeOffset IdleSince,
    [property: Id(4)] int CallsToday);
