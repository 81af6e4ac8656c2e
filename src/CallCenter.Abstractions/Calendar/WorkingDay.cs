namespace CallCenter.Calendar;

/// <summary>
/// Whether a date is a working day and why. <paramref name="CalendarLoaded"/> is false for a year with no
/// arrangement loaded: the answer is then provisional (statutory holidays and weekends off) and <paramref name="Warning"/> says so.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.WorkingDay")]
public sealed record WorkingDay(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] bool IsWorkingDay,
    [property: Id(2)] DayKind Kind,
    [property: Id(3)] string? HolidayName,
    [property: Id(4)] bool CalendarLoaded,
    [property: Id(5)] string? Warning);
