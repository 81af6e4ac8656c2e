namespace CallCenter.Seats;

/// <summary>Today's work at a seat, in the call centre's time zone; reset at local midnight.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatCounters")]
public sealed record SeatCounters(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int Calls,
    [property: Id(2)] double TalkSeconds,
    [property: Id(3)] int MissedOffers,
    [property: Id(4)] IReadOnlyDictionary<string, double> NotReadySecondsByReason);
