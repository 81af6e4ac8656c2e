namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class RecordedCallsRecord
{
    [Id(0)] public Dictionary<string, RecordedCall> Calls { get; set; } = [];
}

[GrainType("recorded-calls")]
public sealed class RecordedCallsGrain(
    [PersistentState("recorded-calls", StorageNames.Grains)] IPersistentState<RecordedCallsRecord> week) : Grain, IRecordedCallsGrain
{
    async Task IRecordedCallsGrain.Add(RecordedCall call)
    {
        week.State.Calls[call.CallId] = call;
        await week.WriteStateAsync();
    }

    Task<IReadOnlyList<RecordedCall>> IRecordedCallsGrain.List() =>
        Task.FromResult<IReadOnlyList<RecordedCall>>(week.State.Calls.Values.OrderBy(c => c.CallId, StringComparer.Ordinal).ToArray());
}

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
