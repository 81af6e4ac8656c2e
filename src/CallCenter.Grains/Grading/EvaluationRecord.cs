namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class EvaluationRecord
{
    [Id(0)] public string? CallId { get; set; }
    [Id(1)] public string Agent { get; set; } = "";
    [Id(2)] public string Grader { get; set; } = "";
    [Id(3)] public ScorecardForm? Form { get; set; }
    [Id(4)] public EvaluationStatus Status { get; set; }
    [Id(5)] public List<Answer> Answers { get; set; } = [];
    [Id(6)] public DateTimeOffset? SubmittedAt { get; set; }
    [Id(7)] public DateTimeOffset? DisputeBy { get; set; }
    [Id(8)] public string? DisputeReason { get; set; }
    [Id(9)] public string? Reviewer { get; set; }
    [Id(10)] public Score? OriginalScore { get; set; }
    [Id(11)] public List<EvaluationHistory> History { get; set; } = [];
    [Id(12)] public DateTimeOffset? Due { get; set; }
    [Id(13)] public bool Live { get; set; }

    /// <summary>The department of the seat that took the call: the agent's team in the reports.</summary>
    [Id(14)] public string? Team { get; set; }
}
