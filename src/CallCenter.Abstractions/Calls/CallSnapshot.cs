namespace CallCenter.Calls;

/// <summary>A call as it stands. <see cref="Agent"/> is who took it (answered it at the seat): rights to the call follow them.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.CallSnapshot")]
public sealed record CallSnapshot(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Caller,
    [property: Id(2)] CallState State,
    [property: Id(3)] string Queue,
    [property: Id(4)] int Priority,
    [property: Id(5)] string? SeatId,
    [property: Id(6)] bool Callback,
    [property: Id(7)] RecordingReference? Recording,
    [property: Id(8)] IReadOnlyList<CallTimelineEntry> Timeline,
    [property: Id(9)] string? Agent = null);
