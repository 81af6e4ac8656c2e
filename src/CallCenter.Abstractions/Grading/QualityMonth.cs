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

    /// <summary>Records a veto once per order.</summary>
    [Alias("Vetoed")] Task Vetoed(Veto veto);

    [Alias("Vetoes")] Task<IReadOnlyList<Veto>> Vetoes();
}

/// <summary>A valid service complaint against a person: a one-vote veto on their month, whatever their scores.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Veto")]
public sealed record Veto(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string Person,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);
