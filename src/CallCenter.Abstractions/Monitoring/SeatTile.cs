using CallCenter.Seats;

namespace CallCenter.Monitoring;

/// <summary>One seat as the wallboard shows it. <paramref name="Since"/> starts the tile's timer.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Monitoring.SeatTile")]
public sealed record SeatTile(
    [property: Id(0)] string SeatId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Department,
    [property: Id(3)] bool Remote,
    [property: Id(4)] string? Agent,
    [property: Id(5)] SeatState State,
    [property: Id(6)] string? Reason,
    [property: Id(7)] DateTimeOffset Since,
    [property: Id(8)] string? CallId,
    [property: Id(9)] string? CallQueue,
    [property: Id(10)] bool PhoneRegistered,
    [property: Id(11)] SeatCounters Today,
    [property: Id(12)] IReadOnlyList<string> Queues,
    [property: Id(13)] MonitorMode Monitoring = MonitorMode.None,
    [property: Id(14)] string? MonitoredBy = null);
