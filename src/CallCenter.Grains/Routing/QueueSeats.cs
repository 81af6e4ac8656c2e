namespace CallCenter.Routing;

/// <summary>
/// Who serves a queue, at which level: stored apart from the queue's record and written only when a seat joins,
/// leaves or changes level, so the waiting calls' frequent writes do not carry every seat along.
/// </summary>
[GenerateSerializer]
public sealed class QueueSeats
{
    [Id(0)] public Dictionary<string, QueueSeat> Seats { get; set; } = [];
}
