namespace CallCenter.History.Reporting;

/// <summary>
/// One line of the audit trail as stored: its day and place in that day (<see cref="Seq"/>, from 1), the line, and
/// its link in the day's hash chain. <see cref="LineId"/> is the line's own id, so a retried or replayed write of the
/// same line is stored once. The time is kept as UTC ticks, exact on every database (the chain hashes it to 100 ns).
/// </summary>
public sealed class AuditLine
{
    public required string Day { get; set; }

    public long Seq { get; set; }

    public required string LineId { get; set; }

    public long AtUtcTicks { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Detail { get; set; }

    public string? Previous { get; set; }

    public string? Hash { get; set; }

    public AuditEntry ToEntry() =>
        new(new DateTimeOffset(AtUtcTicks, TimeSpan.Zero), Actor, Action, Subject, Detail, Previous, Hash, LineId);
}
