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
    [property: Id(6)] string? Team = null,
    [property: Id(7)] string? CallId = null);

/// <summary>
/// Evaluations and vetoes for the monthly quality reports, in the query store, by month ("2026-11"): each evaluation
/// counted once with its latest score, each veto once per order.
/// </summary>
public interface IQualityRecords
{
    Task Scored(string month, ScoredEvaluation evaluation);

    Task<IReadOnlyList<ScoredEvaluation>> Month(string month);

    Task Vetoed(string month, Veto veto);

    Task<IReadOnlyList<Veto>> Vetoes(string month);
}

/// <summary>A valid service complaint against a person: a one-vote veto on their month, whatever their scores.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Veto")]
public sealed record Veto(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Person,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);
