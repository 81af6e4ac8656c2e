namespace CallCenter.Grading;

/// <summary>The recorded calls of one ISO week (key "2026-W48"): what sampling draws from.</summary>
[Alias("CallCenter.Grading.IRecordedCallsGrain")]
public interface IRecordedCallsGrain : IGrainWithStringKey
{
    [Alias("Add")] Task Add(RecordedCall call);

    [Alias("List")] Task<IReadOnlyList<RecordedCall>> List();

    /// <summary>A follow-up survey's score (5 very satisfied … 1 very dissatisfied) for a call of this week, if it was recorded.</summary>
    [Alias("Surveyed")] Task Surveyed(string callId, int score);
}

/// <summary>One grader's assigned evaluations with their due dates (key: the grader's name).</summary>
[Alias("CallCenter.Grading.IGraderQueueGrain")]
public interface IGraderQueueGrain : IGrainWithStringKey
{
    [Alias("Assign")] Task Assign(string evaluationId, DateTimeOffset? due);

    [Alias("List")] Task<IReadOnlyList<GraderTask>> List();
}

[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.GraderTask")]
public sealed record GraderTask(
    [property: Id(0)] string EvaluationId,
    [property: Id(1)] DateTimeOffset? Due);
