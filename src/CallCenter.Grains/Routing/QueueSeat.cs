using System.Text.Json.Serialization;

namespace CallCenter.Routing;

/// <summary>
/// A seat serving the queue. Only who serves and at what level is stored; whether the seat is free, since when and
/// how many calls it took today change with every call and are asked of the seats again after a restart.
/// </summary>
[GenerateSerializer]
public sealed class QueueSeat
{
    [Id(0)] public required string SeatId { get; set; }
    [Id(1)] public int Level { get; set; }
    [Id(2), JsonIgnore] public bool Available { get; set; }
    [Id(3), JsonIgnore] public DateTimeOffset IdleSince { get; set; }
    [Id(4), JsonIgnore] public int CallsToday { get; set; }
}
