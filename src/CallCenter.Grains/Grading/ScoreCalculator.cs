namespace CallCenter.Grading;

/// <summary>
/// The score arithmetic, in decimals so it is exact:
/// 1. A section's percentage = points given ÷ points possible × 100 over its answered questions; not-applicable ones
///    count in neither. A section whose questions are all not applicable has no percentage and drops out.
/// 2. A failed section-level critical question (0 points) sets its section's percentage to 0.
/// 3. Weights are normalised over the sections that have a percentage (each weight ÷ their sum).
/// 4. Total = Σ normalised weight × section percentage, rounded half away from zero to two decimals.
/// 5. A failed form-level critical question sets the total to 0 (一票否决), whatever the sections say.
/// </summary>
public static class ScoreCalculator
{
    public static Score Calculate(ScorecardForm form, IReadOnlyCollection<Answer> answers)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId);
        var complete = form.Sections.SelectMany(s => s.Questions).All(q => byQuestion.ContainsKey(q.Id));
        var formFailed = false;
        var sections = new List<(FormSection Section, decimal? Percent, bool Failed)>();
        foreach (var section in form.Sections)
        {
            decimal given = 0, possible = 0;
            var failed = false;
            foreach (var question in section.Questions)
            {
                if (!byQuestion.TryGetValue(question.Id, out var answer) || answer.NotApplicable || answer.Points is not { } points)
                {
                    continue;
                }

                given += points;
                possible += question.MaxPoints;
                if (points == 0 && question.Critical != CriticalScope.None)
                {
                    failed |= question.Critical == CriticalScope.Section;
                    formFailed |= question.Critical == CriticalScope.Form;
                }
            }

            sections.Add((section, possible == 0 ? null : failed ? 0m : given / possible * 100m, failed));
        }

        var weightSum = sections.Where(s => s.Percent is not null).Sum(s => s.Section.Weight);
        var scored = sections.Select(s => new SectionScore(
            s.Section.Id, s.Percent is { } p ? Round(p) : null,
            s.Percent is null || weightSum == 0 ? 0m : Plain(s.Section.Weight / weightSum), s.Failed)).ToList();
        var total = sections.Where(s => s.Percent is not null && weightSum > 0).Sum(s => s.Section.Weight / weightSum * s.Percent!.Value);
        return new Score(formFailed ? 0m : Round(total), scored, formFailed, complete);
    }

    private static decimal Round(decimal value) => Plain(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    /// <summary>Drops trailing zeros (100.00 → 100), so the figures read the same everywhere they are shown.</summary>
    private static decimal Plain(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Every answer must fit its question; a submitted evaluation must answer every question.</summary>
    public static void Validate(ScorecardForm form, IReadOnlyCollection<Answer> answers, bool requireAll)
    {
        var questions = form.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Id);
        foreach (var answer in answers)
        {
            if (!questions.TryGetValue(answer.QuestionId, out var question))
            {
                throw new DomainValidationException("answers", $"Question '{answer.QuestionId}' is not on version {form.Version} of form '{form.Id}'.");
            }

            if (answer.NotApplicable)
            {
                Require(question.AllowNotApplicable && answer.Points is null, $"Question '{question.Id}' may not be answered not applicable.");
                continue;
            }

            Require(answer.Points is { } p && (question.Kind == QuestionKind.Scale ? p >= 0 && p <= question.MaxPoints : p == 0 || p == question.MaxPoints),
                question.Kind == QuestionKind.Scale
                    ? $"Question '{question.Id}' takes 0 to {question.MaxPoints} points."
                    : $"Question '{question.Id}' is yes ({question.MaxPoints}) or no (0).");
            Require(question.CommentRequiredBelow is not { } below || answer.Points >= below || !string.IsNullOrWhiteSpace(answer.Comment),
                $"Question '{question.Id}' needs a comment when it scores below {question.CommentRequiredBelow}.");
            Require(answer.Comment is null || answer.Comment.Length <= 1000, $"The comment on '{question.Id}' must be at most 1000 characters.");
        }

        Require(answers.Select(a => a.QuestionId).Distinct().Count() == answers.Count, "Each question is answered once.");
        if (requireAll && questions.Keys.FirstOrDefault(id => answers.All(a => a.QuestionId != id)) is { } missing)
        {
            throw new DomainValidationException("answers", $"Question '{missing}' is not answered yet.");
        }

        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new DomainValidationException("answers", message);
            }
        }
    }
}
