namespace CallCenter.Grains.Tests.Grading;

public sealed class ScoreCalculatorTests
{
    // Two sections weighted 3 : 1, each with one scale question and one yes/no question.
    private static readonly ScorecardForm Form = new("f", "test", 1,
    [
        new FormSection("a", "A", 3,
        [
            new FormQuestion("a1", "scale", QuestionKind.Scale, 10, CommentRequiredBelow: 5),
            new FormQuestion("a2", "critical for the form", QuestionKind.YesNo, 10, AllowNotApplicable: true, Critical: CriticalScope.Form),
        ]),
        new FormSection("b", "B", 1,
        [
            new FormQuestion("b1", "scale", QuestionKind.Scale, 4, AllowNotApplicable: true),
            new FormQuestion("b2", "critical for the section", QuestionKind.YesNo, 6, AllowNotApplicable: true, Critical: CriticalScope.Section),
        ]),
    ]);

    [Fact]
    public void Sections_are_points_over_possible_and_weights_are_normalised()
    {
        var score = ScoreCalculator.Calculate(Form, [new("a1", 8), new("a2", 10), new("b1", 2), new("b2", 6)]);
        Assert.Equal(90m, score.Sections[0].Percent);   // 18 / 20
        Assert.Equal(80m, score.Sections[1].Percent);   // 8 / 10
        Assert.Equal(0.75m, score.Sections[0].Weight);
        Assert.Equal(87.5m, score.Total);              // 0.75 × 90 + 0.25 × 80
        Assert.True(score.Complete);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Not_applicable_questions_count_in_neither_points_nor_possible_and_an_all_na_section_drops_out()
    {
        var partly = ScoreCalculator.Calculate(Form, [new("a1", 8), new("a2", 10), new("b1", null, NotApplicable: true), new("b2", 6)]);
        Assert.Equal(100m, partly.Sections[1].Percent); // 6 / 6
        Assert.Equal(92.5m, partly.Total);

        var dropped = ScoreCalculator.Calculate(Form, [new("a1", 7), new("a2", 10), new("b1", null, true), new("b2", null, true)]);
        Assert.Null(dropped.Sections[1].Percent);
        Assert.Equal((1m, 0m), (dropped.Sections[0].Weight, dropped.Sections[1].Weight));
        Assert.Equal(85m, dropped.Total);
    }

    [Fact]
    public void A_failed_section_critical_zeroes_its_section_and_a_failed_form_critical_zeroes_everything()
    {
        var section = ScoreCalculator.Calculate(Form, [new("a1", 10), new("a2", 10), new("b1", 4), new("b2", 0)]);
        Assert.Equal((0m, true), (section.Sections[1].Percent!.Value, section.Sections[1].CriticalFailed));
        Assert.Equal(75m, section.Total);
        Assert.False(section.CriticalFailed);

        var form = ScoreCalculator.Calculate(Form, [new("a1", 10), new("a2", 0), new("b1", 4), new("b2", 6)]);
        Assert.Equal((0m, true), (form.Total, form.CriticalFailed));
    }

    [Fact]
    public void Totals_are_exact_decimals_rounded_half_away_from_zero()
    {
        var thirds = new ScorecardForm("t", "t", 1,
        [
            new FormSection("x", "X", 1, [new FormQuestion("x1", "q", QuestionKind.Scale, 3)]),
            new FormSection("y", "Y", 1, [new FormQuestion("y1", "q", QuestionKind.Scale, 3)]),
            new FormSection("z", "Z", 1, [new FormQuestion("z1", "q", QuestionKind.Scale, 3)]),
        ]);
        Assert.Equal(77.78m, ScoreCalculator.Calculate(thirds, [new("x1", 3), new("y1", 2), new("z1", 2)]).Total); // 233.33… / 3
        Assert.Equal(100m, ScoreCalculator.Calculate(thirds, [new("x1", 3), new("y1", 3), new("z1", 3)]).Total);
    }

    [Fact]
    public void A_draft_scores_what_is_answered_and_says_it_is_incomplete()
    {
        var draft = ScoreCalculator.Calculate(Form, [new("a1", 5)]);
        Assert.False(draft.Complete);
        Assert.Equal(50m, draft.Total);
    }

    [Theory]
    [InlineData("a1", 11, false, null, "0 to 10")]
    [InlineData("a2", 5, false, null, "yes (10) or no (0)")]
    [InlineData("a1", 3, false, null, "needs a comment")]
    [InlineData("a1", null, true, null, "may not be answered not applicable")]
    [InlineData("zz", 1, false, null, "not on version 1")]
    public void Answers_that_do_not_fit_the_form_are_refused_with_the_reason(string question, int? points, bool na, string? comment, string reason)
    {
        var error = Assert.Throws<DomainValidationException>(() => ScoreCalculator.Validate(Form, [new(question, points, na, comment)], requireAll: false));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_low_score_with_a_comment_is_accepted_and_submission_needs_every_question()
    {
        ScoreCalculator.Validate(Form, [new("a1", 3, Comment: "未使用规范结束语")], requireAll: false);
        var error = Assert.Throws<DomainValidationException>(() => ScoreCalculator.Validate(Form, [new("a1", 8)], requireAll: true));
        Assert.Contains("'a2' is not answered", error.Message);
    }

    [Fact]
    public void The_default_12366_form_is_valid_and_a_wrong_policy_answer_fails_it()
    {
        var form = FormRules.Default12366("default") with { Version = 1 };
        FormRules.Validate(form);
        var perfect = form.Sections.SelectMany(s => s.Questions).Select(q => new Answer(q.Id, q.MaxPoints)).ToList();
        Assert.Equal(100m, ScoreCalculator.Calculate(form, perfect).Total);
        var wrong = perfect.Select(a => a.QuestionId == "correct" ? a with { Points = 0 } : a).ToList();
        Assert.Equal((0m, true), (ScoreCalculator.Calculate(form, wrong).Total, ScoreCalculator.Calculate(form, wrong).CriticalFailed));
    }
}
