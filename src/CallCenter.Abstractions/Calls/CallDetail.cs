namespace CallCenter.Calls;

/// <summary>
/// One finished call as history keeps it (call detail record): where it waited, who took it, how long each part took,
/// and how it ended. Seconds are rounded to 0.1. <paramref name="Queues"/> lists every queue it passed through, in
/// order, when it overflowed. <paramref name="Day"/> is the centre's local day the call entered on.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.CallDetail")]
public sealed record CallDetail(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Caller,
    [property: Id(2)] string Queue,
    [property: Id(3)] IReadOnlyList<string> Queues,
    [property: Id(4)] string? SeatId,
    [property: Id(5)] string? Agent,
    [property: Id(6)] DateTimeOffset EnteredAt,
    [property: Id(7)] DateTimeOffset? OfferedAt,
    [property: Id(8)] DateTimeOffset? AnsweredAt,
    [property: Id(9)] DateTimeOffset EndedAt,
    [property: Id(10)] double WaitSeconds,
    [property: Id(11)] double TalkSeconds,
    [property: Id(12)] double HoldSeconds,
    [property: Id(13)] double WrapUpSeconds,
    [property: Id(14)] CallOutcome Outcome,
    [property: Id(15)] int MissedOffers,
    [property: Id(16)] bool HasRecording,
    [property: Id(17)] DateOnly Day);

public enum CallOutcome
{
    Answered,
    Abandoned,
    Callback,
}
