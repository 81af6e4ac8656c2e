namespace CallCenter.Grading;

/// <summary>The calibration report from the submitted evaluations of one call. Pure.</summary>
public static class CalibrationMath
{
    public static CalibrationReport Report(string callId, string lead, IReadOnlyList<string> graders, bool open, IReadOnlyList<EvaluationView> evaluations)
    {
        var submitted = evaluations.Where(e => e.Status != EvaluationStatus.Draft).ToDictionary(e => e.Grader);
        var totals = submitted.Where(e => e.Key != lead).ToDictionary(e => e.Key, e => e.Value.Score.Total);
        decimal? reference = submitted.TryGetValue(lead, out var leadEvaluation) ? leadEvaluation.Score.Total : null;
        var deviation = reference is { } r ? totals.ToDictionary(t => t.Key, t => t.Value - r) : new Dictionary<string, decimal>();
        decimal? spread = totals.Count == 0 ? null : totals.Values.Max() - totals.Values.Min();
        decimal? sd = null;
        if (totals.Count > 0)
        {
            var mean = totals.Values.Average();
            sd = Math.Round((decimal)Math.Sqrt((double)totals.Values.Sum(v => (v - mean) * (v - mean)) / totals.Count), 2);
        }

        var form = evaluations.FirstOrDefault()?.Form;
        var questions = (form?.Sections.SelectMany(s => s.Questions) ?? []).Select(q =>
        {
            var answers = submitted.Where(e => e.Key != lead).ToDictionary(e => e.Key, e => Show(e.Value.Answers.FirstOrDefault(a => a.QuestionId == q.Id)));
            var mode = answers.Values.GroupBy(v => v).Select(g => g.Count()).DefaultIfEmpty(0).Max();
            var agreement = answers.Count == 0 ? 0m : Math.Round((decimal)mode / answers.Count, 2);
            return new QuestionAgreement(q.Id, answers, agreement, leadEvaluation is null ? null : Show(leadEvaluation.Answers.FirstOrDefault(a => a.QuestionId == q.Id)));
        }).ToList();
        var missing = graders.Append(lead).Where(g => !submitted.ContainsKey(g)).ToList();
        return new CalibrationReport(callId, lead, graders, open, totals, reference, deviation, spread, sd, questions, missing);
    }

    private static string Show(Answer? answer) => answer is null ? "—" : answer.NotApplicable ? "N/A" : $"{answer.Points}";
}
