namespace CallCenter.Reporting;

/// <summary>Who did what to whom, and when (server time). Entries are only ever appended.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Reporting.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Subject,
    [property: Id(4)] string? Detail);
