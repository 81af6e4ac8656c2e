using System.Text.Json.Serialization;

namespace CallCenter.Routing;

[GenerateSerializer]
public sealed class QueueRecord
{
    [Id(0)] public QueueDefinition? Definition { get; set; }
    [Id(1)] public List<QueueEntry> Entries { get; set; } = [];
    /// <summary>Where releases before <see cref="QueueSeats"/> kept the queue's seats: read once, moved there, never written again.</summary>
    [Id(2), JsonPropertyName("seats"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, QueueSeat>? FormerSeats { get; set; }

    [Id(3)] public string? LastRoundRobinSeat { get; set; }
    [Id(4)] public long NextSequence { get; set; }
    [Id(5)] public QueueDay Today { get; set; } = new();
}
