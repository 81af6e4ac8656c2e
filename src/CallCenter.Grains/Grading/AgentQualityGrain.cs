namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class AgentQualityRecord
{
    public const int Kept = 10;

    /// <summary>The latest evaluations' scores, oldest first.</summary>
    [Id(0)] public List<ScoreEntry> Scores { get; set; } = [];

    [Id(1)] public List<string> All { get; set; } = [];
}

[GenerateSerializer]
public sealed record ScoreEntry([property: Id(0)] string EvaluationId, [property: Id(1)] decimal Total, [property: Id(2)] bool CriticalFailed, [property: Id(3)] DateTimeOffset At);

[GrainType("agent-quality")]
public sealed class AgentQualityGrain(
    [PersistentState("agent-quality", StorageNames.Grains)] IPersistentState<AgentQualityRecord> quality,
    CallCenterClock clock) : Grain, IAgentQualityGrain
{
    async Task<QualityTile> IAgentQualityGrain.Scored(string evaluationId, Score score)
    {
        var scores = quality.State.Scores;
        var index = scores.FindIndex(s => s.EvaluationId == evaluationId);
        var entry = new ScoreEntry(evaluationId, score.Total, score.CriticalFailed, clock.Now);
        if (index >= 0)
        {
            scores[index] = entry;
        }
        else
        {
            scores.Add(entry);
            if (scores.Count > AgentQualityRecord.Kept)
            {
                scores.RemoveAt(0);
            }
        }

        if (!quality.State.All.Contains(evaluationId))
        {
            quality.State.All.Insert(0, evaluationId);
        }

        await quality.WriteStateAsync();
        var tile = Tile()!;
        _ = GrainFactory.GetGrain<IMonitorBoard>(0).QualityChanged(tile);
        return tile;
    }

    Task<QualityTile?> IAgentQualityGrain.Get() => Task.FromResult(Tile());

    Task<IReadOnlyList<string>> IAgentQualityGrain.Evaluations() => Task.FromResult<IReadOnlyList<string>>(quality.State.All.ToArray());

    private QualityTile? Tile()
    {
        var scores = quality.State.Scores;
        if (scores.Count == 0)
        {
            return null;
        }

        var latest = scores.MaxBy(s => s.At)!;
        return new QualityTile(this.GetPrimaryKeyString(), latest.Total, scores.Select(s => s.Total).ToArray(), latest.CriticalFailed, latest.At);
    }
}
