namespace CallCenter.Routing;

[GenerateSerializer]
public sealed class QueueSeat
{
    [Id(0)] public required string SeatId { get; set; }
    [Id(1)] public int Level { get; set; }
    [Id(2)] public bool Available { get; set; }
    [Id(3)] public DateTimeOffset IdleSince { get; set; }
    [Id(4)] public int CallsToday { get; set; }
}
