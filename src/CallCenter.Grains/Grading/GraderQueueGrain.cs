namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class GraderQueueRecord
{
    [Id(0)] public Dictionary<string, DateTimeOffset?> Tasks { get; set; } = [];
}

[GrainType("grader-queue")]
public sealed class GraderQueueGrain(
    [PersistentState("grader-queue", StorageNames.Grains)] IPersistentState<GraderQueueRecord> queue) : Grain, IGraderQueueGrain
{
    async Task IGraderQueueGrain.Assign(string evaluationId, DateTimeOffset? due)
    {
        if (queue.State.Tasks.TryGetValue(evaluationId, out var known) && known == due)
        {
            return;
        }

        queue.State.Tasks[evaluationId] = due;
        await queue.WriteStateAsync();
    }

    Task<IReadOnlyList<GraderTask>> IGraderQueueGrain.List() =>
        Task.FromResult<IReadOnlyList<GraderTask>>(queue.State.Tasks.Select(t => new GraderTask(t.Key, t.Value)).OrderBy(t => t.Due ?? DateTimeOffset.MaxValue).ToArray());
}
