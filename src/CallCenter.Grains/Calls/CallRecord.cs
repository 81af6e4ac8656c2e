namespace CallCenter.Calls;

[GenerateSerializer]
public sealed class CallRecord
{
    [Id(0)] public string? Caller { get; set; }
    [Id(1)] public string? Queue { get; set; }
    [Id(2)] public int Priority { get; set; }
    [Id(3)] public CallState State { get; set; }
    [Id(4)] public string? SeatId { get; set; }
    [Id(5)] public bool Callback { get; set; }
    [Id(6)] public RecordingReference? Recording { get; set; }
    [Id(7)] public List<CallTimelineEntry> Timeline { get; set; } = [];

    /// <summary>The agent logged in at the seat the call is offered to.</summary>
    [Id(8)] public string? OfferedAgent { get; set; }

    /// <summary>The agent who took (answered) the call; never changes afterwards.</summary>
    [Id(9)] public string? Agent { get; set; }
}
