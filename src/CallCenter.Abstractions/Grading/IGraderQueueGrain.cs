namespace CallCenter.Grading;

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
