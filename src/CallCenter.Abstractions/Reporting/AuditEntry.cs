namespace CallCenter.Reporting;

/// <summary>
/// Who did what to whom, and when (server time). Entries are only ever appended, and each carries the hash of the
/// line before it (<paramref name="Previous"/>) and its own (<paramref name="Hash"/>), so a changed or deleted line
/// breaks the chain. <paramref name="LineId"/> names the line, so writing it twice stores it once.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Reporting.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Subject,
    [property: Id(4)] string? Detail,
    [property: Id(5)] string? Previous = null,
    [property: Id(6)] string? Hash = null,
    [property: Id(7)] string? LineId = null);
