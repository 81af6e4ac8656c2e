namespace CallCenter.Seats;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatSnapshot")]
public sealed record SeatSnapshot(
    [property: Id(0)] string SeatId,
    [property: Id(1)] SeatDefinition Definition,
    [property: Id(2)] string? Agent,
    [property: Id(3)] SeatState State,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset Since,
    [property: Id(6)] string? CallId,
    [property: Id(7)] bool PhoneRegistered,
    [property: Id(8)] SeatCounters Today,
    [property: Id(9)] string? CallQueue = null,
    [property: Id(10)] MonitorMode Monitoring = MonitorMode.None,
    [property: Id(11)] string? MonitoredBy = null,
    [property: Id(12)] IReadOnlyList<SeatMessage>? Messages = null);
