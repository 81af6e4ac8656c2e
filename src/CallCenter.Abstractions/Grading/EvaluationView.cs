namespace CallCenter.Grading;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.EvaluationHistory")]
public sealed record EvaluationHistory(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Note);

/// <summary>
/// One evaluation of one call. <paramref name="DisputeBy"/> is the end of the working day by which the agent may
/// dispute (N working days after submission on the official calendar).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.EvaluationView")]
public sealed record EvaluationView(
    [property: Id(0)] string EvaluationId,
    [property: Id(1)] string CallId,
    [property: Id(2)] string Agent,
    [property: Id(3)] string Grader,
    [property: Id(4)] ScorecardForm Form,
    [property: Id(5)] EvaluationStatus Status,
    [property: Id(6)] IReadOnlyList<Answer> Answers,
    [property: Id(7)] Score Score,
    [property: Id(8)] DateTimeOffset? SubmittedAt,
    [property: Id(9)] DateTimeOffset? DisputeBy,
    [property: Id(10)] string? DisputeReason,
    [property: Id(11)] string? Reviewer,
    [property: Id(12)] Score? OriginalScore,
    [property: Id(13)] IReadOnlyList<EvaluationHistory> History,
    [property: Id(14)] DateTimeOffset? Due = null);
