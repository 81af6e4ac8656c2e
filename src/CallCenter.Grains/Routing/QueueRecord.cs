namespace CallCenter.Routing;

[GenerateSerializer]
public sealed class QueueRecord
{
    [Id(0)] public QueueDefinition? Definition { get; set; }
    [Id(1)] public List<QueueEntry> Entries { get; set; } = [];
    [Id(2)] public Dictionary<string, QueueSeat> Seats { get; set; } = [];
    [Id(3)] public string? LastRoundRobinSeat { get; set; }
    [Id(4)] public long NextSequence { get; set; }
    [Id(5)] public QueueDay Today { get; set; } = new();
}
