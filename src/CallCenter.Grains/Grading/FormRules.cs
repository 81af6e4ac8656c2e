namespace CallCenter.Grading;

/// <summary>What makes a scorecard usable, and the default 12366 scorecard.</summary>
public static class FormRules
{
    public static void Validate(ScorecardForm form)
    {
        Require(!string.IsNullOrWhiteSpace(form.Name) && form.Name.Length <= 100, "name", "A name of 1–100 characters is required.");
        Require(form.Sections is { Count: > 0 and <= 20 }, "sections", "A form has 1–20 sections.");
        Require(form.Sections.Select(s => s.Id).Distinct().Count() == form.Sections.Count, "sections", "Section ids must be distinct.");
        var questions = form.Sections.SelectMany(s => s.Questions ?? []).ToList();
        Require(questions.Select(q => q.Id).Distinct().Count() == questions.Count, "sections", "Question ids must be distinct across the form.");
        foreach (var section in form.Sections)
        {
            Require(IsCode(section.Id) && !string.IsNullOrWhiteSpace(section.Name), "sections", "Each section needs an id (letters, digits, '-') and a name.");
            Require(section.Weight > 0 && section.Weight <= 1000, "sections", $"Section '{section.Id}' needs a weight above 0 (weights are normalised).");
            Require(section.Questions is { Count: > 0 and <= 50 }, "sections", $"Section '{section.Id}' needs 1–50 questions.");
            foreach (var q in section.Questions!)
            {
                Require(IsCode(q.Id) && !string.IsNullOrWhiteSpace(q.Text) && q.Text.Length <= 500, "sections", "Each question needs an id (letters, digits, '-') and a text of at most 500 characters.");
                Require(q.MaxPoints is >= 1 and <= 100, "sections", $"Question '{q.Id}' is worth 1–100 points.");
                Require(q.CommentRequiredBelow is null || (q.CommentRequiredBelow >= 1 && q.CommentRequiredBelow <= q.MaxPoints), "sections", $"Question '{q.Id}': a comment can be required below 1 to {q.MaxPoints} points.");
            }
        }
    }

    /// <summary>服务态度 · 沟通技巧 · 答复质量 · 业务规范, with the three faults that fail a whole evaluation.</summary>
    public static ScorecardForm Default12366(string id) => new(id, "12366 服务质量评分表", 0,
    [
        new FormSection("attitude", "服务态度 Service attitude", 30,
        [
            new FormQuestion("greeting", "规范问候与结束语 Standard greeting and closing", QuestionKind.Scale, 5, CommentRequiredBelow: 3),
            new FormQuestion("patience", "耐心礼貌、语气亲和 Patient and courteous", QuestionKind.Scale, 10, CommentRequiredBelow: 6),
            new FormQuestion("rudeness", "无态度恶劣、推诿 No rudeness or brushing off (一票否决)", QuestionKind.YesNo, 5, Critical: CriticalScope.Form),
        ]),
        new FormSection("communication", "沟通技巧 Communication", 20,
        [
            new FormQuestion("listening", "准确理解来电诉求 Understood the question", QuestionKind.Scale, 10, CommentRequiredBelow: 6),
            new FormQuestion("clarity", "表达清晰、用语规范 Clear, standard wording", QuestionKind.Scale, 10, CommentRequiredBelow: 6),
        ]),
        new FormSection("answer", "答复质量 Answer quality", 40,
        [
            new FormQuestion("correct", "税收政策答复正确 Correct tax-policy answer (一票否决)", QuestionKind.YesNo, 20, Critical: CriticalScope.Form),
            new FormQuestion("complete", "答复完整、一次讲清 Complete answer", QuestionKind.Scale, 10, CommentRequiredBelow: 6),
            new FormQuestion("transfer", "疑难问题按规定转办 Hard question transferred as required", QuestionKind.YesNo, 10, AllowNotApplicable: true),
        ]),
        new FormSection("procedure", "业务规范 Procedure", 10,
        [
            new FormQuestion("identity", "按规定核实身份 Identity checked as required", QuestionKind.YesNo, 5, AllowNotApplicable: true, Critical: CriticalScope.Section),
            new FormQuestion("confidential", "未泄露纳税人信息 No taxpayer information leaked (一票否决)", QuestionKind.YesNo, 5, Critical: CriticalScope.Form),
        ]),
    ]);

    private static bool IsCode(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 40 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainValidationException(field, message);
        }
    }
}
