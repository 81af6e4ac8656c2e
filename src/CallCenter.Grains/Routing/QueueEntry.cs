namespace CallCenter.Routing;

/// <summary>A call waiting in a queue. An offer in flight is written down before the seat is asked.</summary>
[GenerateSerializer]
public sealed class QueueEntry
{
    [Id(0)] public required string CallId { get; set; }
    [Id(1)] public required string Caller { get; set; }
    [Id(2)] public int Priority { get; set; }
    [Id(3)] public long Sequence { get; set; }
    [Id(4)] public DateTimeOffset EnteredAt { get; set; }
    [Id(5)] public bool Callback { get; set; }
    [Id(6)] public string? OfferedTo { get; set; }
    [Id(7)] public DateTimeOffset? OfferExpiresAt { get; set; }
    [Id(8)] public bool OfferConfirmed { get; set; }

    /// <summary>The queue this call overflowed to and has not yet confirmed taking it: handed over again until it does.</summary>
    [Id(9)] public string? HandingTo { get; set; }
}
