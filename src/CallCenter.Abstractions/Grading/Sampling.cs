namespace CallCenter.Grading;

/// <summary>A recorded call that may be sampled for grading, with what the analytics flagged.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.RecordedCall")]
public sealed record RecordedCall(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Agent,
    [property: Id(2)] string Queue,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] double LongestDeadAirSeconds,
    [property: Id(5)] double OverTalkSeconds,
    [property: Id(6)] int? SurveyScore = null);

/// <summary>
/// "k calls per agent, at least one from each of the agent's queues, calls with long dead air, over-talk or a low
/// survey score weighted <see cref="OverSampleFactor"/> times", drawn with <see cref="Seed"/> so a draw can be replayed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.SamplingRule")]
public sealed record SamplingRule(
    [property: Id(0)] int PerAgent,
    [property: Id(1)] bool EachQueue,
    [property: Id(2)] double OverSampleFactor,
    [property: Id(3)] int Seed,
    [property: Id(4)] double LongDeadAirSeconds = 10,
    [property: Id(5)] double OverTalkSeconds = 3,
    [property: Id(6)] int LowSurveyScore = 2);

[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Assignment")]
public sealed record Assignment(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Agent,
    [property: Id(2)] string Queue,
    [property: Id(3)] string Grader,
    [property: Id(4)] bool Flagged);
