namespace CallCenter.Duty;

/// <summary>
/// One line of a shift's clock log, appended and never edited: who clocked in or out, at the server's time, from
/// which address and device. An administrator's correction is a new line (<paramref name="Kind"/> "correct-in" or
/// "correct-out") with <paramref name="By"/> and <paramref name="Reason"/>; the original stays.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.ClockEntry")]
public sealed record ClockEntry(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Officer,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] string? Address,
    [property: Id(5)] string? Device,
    [property: Id(6)] string By,
    [property: Id(7)] string? Reason);

/// <summary>Where a check-in or check-out came from, as the host saw it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.ClockSource")]
public sealed record ClockSource(
    [property: Id(0)] string? Address,
    [property: Id(1)] string? Device);
