namespace CallCenter.Calendar;

/// <summary>
/// The close of business of a working day, as a deadline. <paramref name="ProvisionalYears"/> are the years it was counted
/// across that have no official arrangement loaded (only their statutory holidays were skipped): the deadline is
/// provisional until they are loaded, and <paramref name="Warnings"/> says so.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.WorkingDeadline")]
public sealed record WorkingDeadline(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<string> Warnings,
    [property: Id(3)] IReadOnlyList<int>? ProvisionalYears = null)
{
    public bool Provisional => ProvisionalYears is { Count: > 0 };
}
