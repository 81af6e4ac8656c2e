namespace CallCenter.Grading;

/// <summary>A grader's answer to one question: points, or not applicable; a comment where the form asks for one.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Answer")]
public sealed record Answer(
    [property: Id(0)] string QuestionId,
    [property: Id(1)] int? Points,
    [property: Id(2)] bool NotApplicable = false,
    [property: Id(3)] string? Comment = null);
