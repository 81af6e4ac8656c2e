namespace CallCenter.Grading;

/// <summary>One scored evaluation as the monthly quality report counts it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.ScoredEvaluation")]
public sealed record ScoredEvaluation(
    [property: Id(0)] string EvaluationId,
    [property: Id(1)] string Agent,
    [property: Id(2)] decimal Total,
    [property: Id(3)] bool CriticalFailed,
    [property: Id(4)] IReadOnlyDictionary<string, decimal?> QuestionPercent,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string? Team = null);

/// <summary>The evaluations scored in one month (key "2026-11"), each counted once with its latest score.</summary>
[Alias("CallCenter.Grading.IQualityMonthGrain")]
public interface IQualityMonthGrain : IGrainWithStringKey
{
    [Alias("Scored")] Task Scored(ScoredEvaluation evaluation);

    [Alias("List")] Task<IReadOnlyList<ScoredEvaluation>> List();
}
