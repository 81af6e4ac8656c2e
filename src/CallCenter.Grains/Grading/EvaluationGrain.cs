namespace CallCenter.Grading;

/// <summary>
/// One evaluation. The form version is pinned when the draft starts; the score is always computed from the pinned
/// form and the answers, never stored apart from them.
/// </summary>
[GrainType("evaluation")]
public sealed class EvaluationGrain(
    [PersistentState("evaluation", StorageNames.Grains)] IPersistentState<EvaluationRecord> evaluation,
    CallCenterClock clock,
    IOptions<GradingOptions> options,
    IQualityRecords quality) : Grain, IEvaluationGrain
{
    private EvaluationRecord S => evaluation.State;

    private string Id => this.GetPrimaryKeyString();

    async Task<EvaluationView> IEvaluationGrain.Start(string callId, string agent, string grader, string formId, DateTimeOffset? due, bool live)
    {
        if (S.Form is not null)
        {
            if (S.CallId == callId && S.Grader == grader)
            {
                return View();
            }

            throw new IllegalTransitionException("Evaluation", Id, S.Status.ToString(), "start again");
        }

        if (string.Equals(agent, grader, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotPermittedException("A grader never grades their own calls.");
        }

        S.CallId = callId;
        S.Agent = agent;
        S.Grader = grader;
        S.Form = await GrainFactory.GetGrain<IScorecardFormGrain>(formId).Get(null);
        S.Status = EvaluationStatus.Draft;
        S.Due = due;
        S.Live = live;
        S.Team = await TeamOf(callId);
        await Record(grader, "start", $"call {callId}, agent {agent}, form {formId} v{S.Form.Version}");
        await GrainFactory.GetGrain<IGraderQueueGrain>(grader).Assign(Id, due);
        return View();
    }

    Task<EvaluationView> IEvaluationGrain.Get()
    {
        _ = Form;
        return Task.FromResult(View());
    }

    async Task<EvaluationView> IEvaluationGrain.Answer(string grader, IReadOnlyList<Answer> answers)
    {
        RequireGrader(grader);
        Require(EvaluationStatus.Draft, "change its answers");
        ScoreCalculator.Validate(Form, answers, requireAll: false);
        S.Answers = [.. answers];
        await evaluation.WriteStateAsync();
        if (S.Live)
        {
            var running = Score();
            var before = await GrainFactory.GetGrain<IAgentQualityGrain>(S.Agent).Get();
            _ = GrainFactory.GetGrain<IMonitorBoard>(0).QualityChanged(
                new QualityTile(S.Agent, running.Total, before?.Trend ?? [], running.CriticalFailed, clock.Now, Live: true));
        }

        return View();
    }

    async Task<EvaluationView> IEvaluationGrain.Submit(string grader)
    {
        RequireGrader(grader);
        Require(EvaluationStatus.Draft, "be submitted");
        ScoreCalculator.Validate(Form, S.Answers, requireAll: true);
        S.Status = EvaluationStatus.Submitted;
        S.SubmittedAt = clock.Now;
        S.DisputeBy = (await GrainFactory.GetGrain<ICalendarGrain>("CN").EndOfWorkingDay(clock.Now, options.Value.DisputeWorkingDays)).At;
        await Record(grader, "submit", $"score {Score().Total}");
        await Scored();
        return View();
    }

    async Task<EvaluationView> IEvaluationGrain.Acknowledge(string agent)
    {
        RequireAgent(agent);
        Require(EvaluationStatus.Submitted, "be acknowledged");
        S.Status = EvaluationStatus.Acknowledged;
        await Record(agent, "acknowledge", null);
        return View();
    }

    async Task<EvaluationView> IEvaluationGrain.Dispute(string agent, string reason)
    {
        RequireAgent(agent);
        Require(EvaluationStatus.Submitted, "be disputed");
        if (clock.Now > S.DisputeBy)
        {
            var by = TimeZoneInfo.ConvertTime(S.DisputeBy!.Value, clock.Zone);
            throw new RuleViolationException($"The time to dispute this evaluation ended on {by:yyyy-MM-dd HH:mm} ({options.Value.DisputeWorkingDays} working days after it was submitted).");
        }

        S.Status = EvaluationStatus.Disputed;
        S.DisputeReason = reason;
        await Record(agent, "dispute", reason);
        return View();
    }

    async Task<EvaluationView> IEvaluationGrain.Review(string reviewer, IReadOnlyList<Answer>? revised, string note)
    {
        Require(EvaluationStatus.Disputed, "be reviewed");
        if (string.Equals(reviewer, S.Grader, StringComparison.OrdinalIgnoreCase) || string.Equals(reviewer, S.Agent, StringComparison.OrdinalIgnoreCase))
        {
            throw new NotPermittedException("A dispute is reviewed by a second grader, neither the one who scored it nor the agent.");
        }

        S.Reviewer = reviewer;
        if (revised is null)
        {
            S.Status = EvaluationStatus.Upheld;
            await Record(reviewer, "uphold", note);
            return View();
        }

        ScoreCalculator.Validate(Form, revised, requireAll: true);
        S.OriginalScore = Score();
        S.Answers = [.. revised];
        S.Status = EvaluationStatus.Revised;
        await Record(reviewer, "revise", $"{S.OriginalScore.Total} → {Score().Total}: {note}");
        await Scored();
        return View();
    }

    /// <summary>The agent's latest scores (wallboard) and the month of submission's report take the new score.</summary>
    private async Task Scored()
    {
        var score = Score();
        await GrainFactory.GetGrain<IAgentQualityGrain>(S.Agent).Scored(Id, score);
        var points = Form.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id, q => S.Answers.FirstOrDefault(a => a.QuestionId == q.Id) is { Points: { } p } ? (decimal?)(100m * p / q.MaxPoints) : null);
        await quality.Scored(CallCenterClock.MonthKey(clock.DayOf(S.SubmittedAt!.Value)), new ScoredEvaluation(Id, S.Agent, score.Total, score.CriticalFailed, points, clock.Now, S.Team, S.CallId));
    }

    private async Task<string?> TeamOf(string callId)
    {
        try
        {
            var call = await GrainFactory.GetGrain<ICallGrain>(callId).Get();
            return call.SeatId is { } seat ? (await GrainFactory.GetGrain<ISeatGrain>(seat).Get()).Definition.Department : null;
        }
        catch (NotConfiguredException)
        {
            return null;
        }
    }

    private ScorecardForm Form => S.Form ?? throw new NotConfiguredException("Evaluation", Id);

    private Score Score() => ScoreCalculator.Calculate(Form, S.Answers);

    private void Require(EvaluationStatus status, string action)
    {
        _ = Form;
        if (S.Status != status)
        {
            throw new IllegalTransitionException("Evaluation", Id, S.Status.ToString(), action);
        }
    }

    private void RequireGrader(string grader)
    {
        if (Form is not null && grader != S.Grader)
        {
            throw new NotPermittedException($"Only {S.Grader}, who is assigned this evaluation, may score it.");
        }
    }

    private void RequireAgent(string agent)
    {
        if (Form is not null && agent != S.Agent)
        {
            throw new NotPermittedException($"Only {S.Agent}, whose call this is, may acknowledge or dispute it.");
        }
    }

    private async Task Record(string by, string action, string? note)
    {
        S.History.Add(new EvaluationHistory(clock.Now, by, action, note));
        await evaluation.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "evaluation-" + action, $"evaluation:{Id}", note);
    }

    private EvaluationView View() => new(
        Id, S.CallId!, S.Agent, S.Grader, Form, S.Status, S.Answers.ToArray(), Score(), S.SubmittedAt, S.DisputeBy,
        S.DisputeReason, S.Reviewer, S.OriginalScore, S.History.ToArray(), S.Due);
}
