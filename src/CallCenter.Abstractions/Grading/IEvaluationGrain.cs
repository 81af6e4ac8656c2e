namespace CallCenter.Grading;

/// <summary>One evaluation (key: its id). Every step is written to its history and the audit trail.</summary>
[Alias("CallCenter.Grading.IEvaluationGrain")]
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts a draft on the latest version of the form, due by <paramref name="due"/>; the grader may not be the agent.
    /// <paramref name="live"/>: a supervisor scoring a call in progress, whose running total goes to the wallboard.
    /// </summary>
    [Alias("Start")] Task<EvaluationView> Start(string callId, string agent, string grader, string formId, DateTimeOffset? due = null, bool live = false);

    /// <summary>Throws <see cref="NotConfiguredException"/> for an evaluation never started.</summary>
    [Alias("Get")] Task<EvaluationView> Get();

    /// <summary>Replaces the draft's answers; the running score comes back.</summary>
    [Alias("Answer")] Task<EvaluationView> Answer(string grader, IReadOnlyList<Answer> answers);

    [Alias("Submit")] Task<EvaluationView> Submit(string grader);

    [Alias("Acknowledge")] Task<EvaluationView> Acknowledge(string agent);

    /// <summary>Refused with <see cref="RuleViolationException"/> after the dispute deadline.</summary>
    [Alias("Dispute")] Task<EvaluationView> Dispute(string agent, string reason);

    /// <summary>A second grader upholds the score or revises it with new answers.</summary>
    [Alias("Review")] Task<EvaluationView> Review(string reviewer, IReadOnlyList<Answer>? revised, string note);
}
