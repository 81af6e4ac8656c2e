namespace CallCenter.Seats;

/// <summary>
/// One stretch of time a seat spent in one state with one agent (agent activity). A span never crosses the centre's
/// midnight: the seat cuts it there, so <paramref name="Day"/> is the local day it belongs to. <paramref name="Missed"/>
/// marks a Reserved span that ended because the offer was not answered in time.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatSpan")]
public sealed record SeatSpan(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string Agent,
    [property: Id(2)] SeatState State,
    [property: Id(3)] string? Reason,
    [property: Id(4)] DateOnly Day,
    [property: Id(5)] DateTimeOffset From,
    [property: Id(6)] DateTimeOffset To,
    [property: Id(7)] bool Missed = false);
