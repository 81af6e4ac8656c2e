namespace CallCenter.Grading;

/// <summary>How a question is answered: points on a scale from 0 to its maximum, or yes (maximum) / no (0).</summary>
public enum QuestionKind
{
    Scale,
    YesNo,
}

/// <summary>What a failed critical question (answered with 0 points) zeroes: nothing, its section, or the whole evaluation (一票否决).</summary>
public enum CriticalScope
{
    None,
    Section,
    Form,
}

[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.FormQuestion")]
public sealed record FormQuestion(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] QuestionKind Kind,
    [property: Id(3)] int MaxPoints,
    [property: Id(4)] bool AllowNotApplicable = false,
    [property: Id(5)] int? CommentRequiredBelow = null,
    [property: Id(6)] CriticalScope Critical = CriticalScope.None);

[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.FormSection")]
public sealed record FormSection(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] IReadOnlyList<FormQuestion> Questions);

/// <summary>One version of a scorecard; an evaluation keeps the version it was scored on.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.ScorecardForm")]
public sealed record ScorecardForm(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int Version,
    [property: Id(3)] IReadOnlyList<FormSection> Sections);
