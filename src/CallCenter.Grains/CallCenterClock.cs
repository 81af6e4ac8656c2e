namespace CallCenter;

/// <summary>
/// The domain's clock: a <see cref="TimeProvider"/> of its own (so tests can fix it without touching the Orleans
/// runtime's clock) and the call centre's time zone, which decides what "today" means for counters.
/// </summary>
public sealed class CallCenterClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeProvider Time { get; } = time;

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset Now => Time.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The key of a month's grains and reports: "2026-11".</summary>
    public static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A month key as a caller wrote it: null gives this month; anything but yyyy-MM is refused.</summary>
    public string Month(string? month) =>
        month is null ? MonthKey(Today)
        : month.Length == 7 && DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
          && first.Year is >= 2000 and <= 2199 ? month
        : throw new DomainValidationException("month", "'month' is written yyyy-MM between 2000-01 and 2199-12, e.g. 2026-11.");

    /// <summary>The instant of a local wall-clock time in the call centre's zone.</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
