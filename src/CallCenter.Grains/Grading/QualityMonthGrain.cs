namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class QualityMonthRecord
{
    [Id(0)] public Dictionary<string, ScoredEvaluation> Evaluations { get; set; } = [];

    [Id(1)] public Dictionary<string, Veto> Vetoes { get; set; } = [];
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

    async Task IQualityMonthGrain.Vetoed(Veto veto)
    {
        if (month.State.Vetoes.TryAdd(veto.OrderId, veto))
        {
            await month.WriteStateAsync();
        }
    }

    Task<IReadOnlyList<Veto>> IQualityMonthGrain.Vetoes() =>
        Task.FromResult<IReadOnlyList<Veto>>(month.State.Vetoes.Values.OrderBy(v => v.At).ToArray());
}
