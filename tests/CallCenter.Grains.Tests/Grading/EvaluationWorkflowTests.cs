using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Grading;

/// <summary>The evaluation workflow on the cluster's fixed clock, with dispute deadlines on the working-day calendar.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EvaluationWorkflowTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task Submitted_then_disputed_in_time_then_revised_by_a_second_grader_with_everything_in_the_history()
    {
        var (evaluation, form) = await Started();
        await Assert.ThrowsAsync<NotPermittedException>(() => evaluation.Answer("someone-else", Perfect(form)));
        await Assert.ThrowsAsync<DomainValidationException>(() => evaluation.Submit("grader"));
        await evaluation.Answer("grader", Perfect(form).Select(a => a.QuestionId == "complete" ? a with { Points = 4, Comment = "漏讲申报期限" } : a).ToList());
        var submitted = await evaluation.Submit("grader");
        Assert.Equal((EvaluationStatus.Submitted, 94m), (submitted.Status, submitted.Score.Total)); // 答复质量 34 / 40 = 85 % × 0.4 + 60
        Assert.True(submitted.DisputeBy > s.Time.GetUtcNow().AddDays(2));
        await Assert.ThrowsAsync<NotPermittedException>(() => evaluation.Dispute(s.Id("other-agent"), "x"));

        var disputed = await evaluation.Dispute(s.Id("agent"), "申报期限已在后续通话中告知");
        Assert.Equal(EvaluationStatus.Disputed, disputed.Status);
        await Assert.ThrowsAsync<NotPermittedException>(() => evaluation.Review("grader", null, "x"));
        var revised = await evaluation.Review("grader2", Perfect(form), "录音后段已补充告知");
        Assert.Equal((EvaluationStatus.Revised, 100m, 94m), (revised.Status, revised.Score.Total, revised.OriginalScore!.Total));
        Assert.Equal(["start", "submit", "dispute", "revise"], revised.History.Select(h => h.Action));
        var quality = await fixture.Client.GetGrain<IAgentQualityGrain>(s.Id("agent")).Get();
        Assert.Equal(100m, quality!.Latest);
        Assert.Equal([100m], quality.Trend); // the revision replaced the submitted 94, it did not add a score
        var board = await Eventually.Until(() => fixture.Client.GetGrain<IMonitorBoard>(0).Snapshot(),
            b => b.Quality?.Any(q => q.Agent == s.Id("agent") && q.Latest == 100m) == true, "the revised score on the wallboard");
        Assert.Single(board.Quality!, q => q.Agent == s.Id("agent"));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => evaluation.Acknowledge(s.Id("agent")));
    }

    [Fact]
    public async Task A_dispute_after_its_deadline_is_refused_and_the_agent_can_still_acknowledge()
    {
        var (evaluation, form) = await Started();
        await evaluation.Answer("grader", Perfect(form));
        var submitted = await evaluation.Submit("grader");
        s.Time.Advance(submitted.DisputeBy!.Value - s.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        var late = await Assert.ThrowsAsync<RuleViolationException>(() => evaluation.Dispute(s.Id("agent"), "too late"));
        Assert.Contains("time to dispute this evaluation ended", late.Message);
        Assert.Equal(EvaluationStatus.Acknowledged, (await evaluation.Acknowledge(s.Id("agent"))).Status);
    }

    [Fact]
    public async Task An_evaluation_keeps_the_form_version_it_started_on_and_nobody_grades_their_own_call()
    {
        var (evaluation, form) = await Started();
        var formGrain = fixture.Client.GetGrain<IScorecardFormGrain>(form.Id);
        var v2 = await formGrain.Publish("v2", [new FormSection("only", "Only", 1, [new FormQuestion("q", "q", QuestionKind.Scale, 5)])], "admin");
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, (await evaluation.Get()).Form.Version);
        Assert.Equal(1, (await formGrain.Get(1)).Version);
        await Assert.ThrowsAsync<DomainValidationException>(() => evaluation.Answer("grader", [new Answer("q", 5)]));

        var own = fixture.Client.GetGrain<IEvaluationGrain>(s.Id("own"));
        await Assert.ThrowsAsync<NotPermittedException>(() => own.Start("call", "grader", "grader", form.Id));
    }

    private async Task<(IEvaluationGrain, ScorecardForm)> Started()
    {
        var template = FormRules.Default12366(s.Id("form"));
        var form = await fixture.Client.GetGrain<IScorecardFormGrain>(template.Id).Publish(template.Name, template.Sections, "admin");
        var evaluation = fixture.Client.GetGrain<IEvaluationGrain>(s.Id("evaluation"));
        await evaluation.Start(s.Id("call"), s.Id("agent"), "grader", form.Id);
        return (evaluation, form);
    }

    private static List<Answer> Perfect(ScorecardForm form) =>
        form.Sections.SelectMany(x => x.Questions).Select(q => new Answer(q.Id, q.MaxPoints)).ToList();
}
