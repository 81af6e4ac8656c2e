namespace CallCenter.Routing;

/// <summary>
/// A command from the platform to the softswitch: "offer" a call to a seat's phone, "cancel-offer", or bridge a
/// supervisor in ("listen", "whisper", "barge", "stop-monitoring").
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.CtiCommand")]
public sealed record CtiCommand(
    [property: Id(0)] string Kind,
    [property: Id(1)] string CallId,
    [property: Id(2)] string SeatId,
    [property: Id(3)] string? Caller,
    [property: Id(4)] string? Queue,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string? Supervisor = null);
