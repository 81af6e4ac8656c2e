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

    async Task IRecordedCallsGrain.Surveyed(string callId, int score)
    {
        if (week.State.Calls.TryGetValue(callId, out var call) && call.SurveyScore != score)
        {
            week.State.Calls[callId] = call with { SurveyScore = score };
            await week.WriteStateAsync();
        }
    }

    /// <summary>The ISO week key ("2026-W48") of a day: recordings are indexed by the week they were made.</summary>
    public static string WeekOf(DateOnly day) =>
        $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";
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
