using System.Text.Json.Serialization;

namespace CallCenter.Routing;

/// <summary>
/// A call waiting in a queue. A busy queue writes hundreds of these at a time, so what is still at its default (no
/// offer, no callback, no hand-over) is left out of the stored JSON and read back as that default.
/// </summary>
[GenerateSerializer]
public sealed class QueueEntry
{
    [Id(0)] public required string CallId { get; set; }
    [Id(1)] public required string Caller { get; set; }
    [Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Priority { get; set; }
    [Id(3)] public long Sequence { get; set; }
    [Id(4)] public DateTimeOffset EnteredAt { get; set; }
    [Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool Callback { get; set; }
    [Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? OfferedTo { get; set; }
    [Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public DateTimeOffset? OfferExpiresAt { get; set; }
    [Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool OfferConfirmed { get; set; }

    /// <summary>The queue this call overflowed to and has not yet confirmed taking it: handed over again until it does.</summary>
    [Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public string? HandingTo { get; set; }
}
