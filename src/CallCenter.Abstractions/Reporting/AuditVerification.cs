namespace CallCenter.Reporting;

/// <summary>
/// What checking one day's chain found: <paramref name="Intact"/> when every line's hash matches its content and
/// the line before it; otherwise the first line that does not (<paramref name="BrokenAt"/>, 0-based) and why.
/// <paramref name="Unchained"/> counts lines written before the trail was chained (only ever at the start of a day).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Reporting.AuditVerification")]
public sealed record AuditVerification(
    [property: Id(0)] string Day,
    [property: Id(1)] int Lines,
    [property: Id(2)] bool Intact,
    [property: Id(3)] int? BrokenAt,
    [property: Id(4)] string? Problem,
    [property: Id(5)] int Unchained,
    [property: Id(6)] string? Head);
