namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class QualityMonthRecord
{
    [Id(0)] public Dictionary<string, ScoredEvaluation> Evaluations { get; set; } = [];
}

[GrainType("quality-month")]
public sealed class QualityMonthGrain(
    [PersistentState("quality-month", StorageNames.Grains)] IPersistentState<QualityMonthRecord> month) : Grain, IQualityMonthGrain
{
    async Task IQualityMonthGrain.Scored(ScoredEvaluation evaluation)
    {
        month.State.Evaluations[evaluation.EvaluationId] = evaluation;
        await month.WriteStateAsync();
    }

    Task<IReadOnlyList<ScoredEvaluation>> IQualityMonthGrain.List() =>
        Task.FromResult<IReadOnlyList<ScoredEvaluation>>(month.State.Evaluations.Values.OrderBy(e => e.At).ToArray());
}
