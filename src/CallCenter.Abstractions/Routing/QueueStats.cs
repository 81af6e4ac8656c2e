namespace CallCenter.Routing;

/// <summary>
/// Live figures of one queue for today (call-centre time zone). Service level = answered within the threshold
/// ÷ calls that left the queue answered or abandoned; null before any call did. The 15-minute figure uses only the
/// calls that left in the last 15 minutes. Average handle time = talk plus wrap-up over the calls whose after-call
/// work finished today. Average speed of answer = queue wait of the calls answered today; abandon percent = abandoned ÷
/// calls that left the queue answered or abandoned.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.QueueStats")]
public sealed record QueueStats(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int Ringing,
    [property: Id(3)] int Callbacks,
    [property: Id(4)] double LongestWaitSeconds,
    [property: Id(5)] int Offered,
    [property: Id(6)] int Answered,
    [property: Id(7)] int AnsweredWithinServiceLevel,
    [property: Id(8)] int Abandoned,
    [property: Id(9)] int OverflowedOut,
    [property: Id(10)] double? ServiceLevelPercent,
    [property: Id(11)] int SeatsAvailable,
    [property: Id(12)] IReadOnlyList<AbandonedCall> RecentAbandoned,
    [property: Id(13)] double? ServiceLevelPercent15Minutes = null,
    [property: Id(14)] double? AverageHandleSeconds = null,
    [property: Id(15)] double? AverageSpeedOfAnswerSeconds = null,
    [property: Id(16)] double? AbandonPercent = null);
