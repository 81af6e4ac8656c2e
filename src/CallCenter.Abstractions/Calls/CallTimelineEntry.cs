namespace CallCenter.Calls;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.CallTimelineEntry")]
public sealed record CallTimelineEntry(
    [property: Id(0)] CallState State,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Queue,
    [property: Id(3)] string? SeatId,
    [property: Id(4)] string? Note);
