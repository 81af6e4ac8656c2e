namespace CallCenter.Grading;

/// <summary>A section's result: its percentage (null when every question was not applicable) and its normalised weight.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.SectionScore")]
public sealed record SectionScore(
    [property: Id(0)] string SectionId,
    [property: Id(1)] decimal? Percent,
    [property: Id(2)] decimal Weight,
    [property: Id(3)] bool CriticalFailed);

/// <summary>
/// An evaluation's score out of 100. <paramref name="Complete"/> is false while questions are unanswered (a draft's
/// running total counts only what is answered); <paramref name="CriticalFailed"/> when a form-level critical question
/// failed and zeroed the total.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Grading.Score")]
public sealed record Score(
    [property: Id(0)] decimal Total,
    [property: Id(1)] IReadOnlyList<SectionScore> Sections,
    [property: Id(2)] bool CriticalFailed,
    [property: Id(3)] bool Complete);
