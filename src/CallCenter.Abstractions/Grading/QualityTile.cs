namespace CallCenter.Grading;

/// <summary>
/// An agent's quality as the wallboard shows it: the latest score and the last ones before it, oldest first.
/// <paramref name="Live"/> while a supervisor is scoring a call in progress (the running total, not yet in the trend).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.QualityTile")]
public sealed record QualityTile(
    [property: Id(0)] string Agent,
    [property: Id(1)] decimal Latest,
    [property: Id(2)] IReadOnlyList<decimal> Trend,
    [property: Id(3)] bool CriticalFailed,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] bool Live = false);

/// <summary>One agent's recent evaluation scores (key: the agent's name); each new one goes to the wallboard.</summary>
[Alias("CallCenter.Grading.IAgentQualityGrain")]
public interface IAgentQualityGrain : IGrainWithStringKey
{
    /// <summary>Records (or replaces, after a review) an evaluation's score.</summary>
    [Alias("Scored")] Task<QualityTile> Scored(string evaluationId, Score score);

    [Alias("Get")] Task<QualityTile?> Get();

    /// <summary>Every evaluation of this agent that was submitted, newest first.</summary>
    [Alias("Evaluations")] Task<IReadOnlyList<string>> Evaluations();
}
