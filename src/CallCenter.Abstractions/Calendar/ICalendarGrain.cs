namespace CallCenter.Calendar;

/// <summary>
/// The working-day calendar of a region (key "CN"), seeded with the shipped official arrangements. Reads interleave:
/// loading a year recounts work-order deadlines, which read the calendar while the load is still in progress.
/// </summary>
[Alias("CallCenter.Calendar.ICalendarGrain")]
public interface ICalendarGrain : IGrainWithStringKey
{
    /// <summary>Imports or replaces one year's arrangement (an administrator's edit).</summary>
    [Alias("PutYear")] Task<YearCalendar> PutYear(YearCalendar year);

    /// <summary>The loaded arrangement of a year, or null when none is loaded.</summary>
    [AlwaysInterleave, Alias("GetYear")] Task<YearCalendar?> GetYear(int year);

    [AlwaysInterleave, Alias("LoadedYears")] Task<IReadOnlyList<int>> LoadedYears();

    [AlwaysInterleave, Alias("Check")] Task<WorkingDay> Check(DateOnly date);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="from"/> (0: the same day if it is a working day, else the next).</summary>
    [AlwaysInterleave, Alias("AddWorkingDays")] Task<WorkingDayResult> AddWorkingDays(DateOnly from, int days);

    /// <summary>
    /// The end of the working day <paramref name="workingDays"/> working days after the one <paramref name="at"/> falls
    /// in; an instant after closing time or on a day off counts from the next working day (0 = "the same working day").
    /// </summary>
    [AlwaysInterleave, Alias("EndOfWorkingDay")] Task<WorkingDeadline> EndOfWorkingDay(DateTimeOffset at, int workingDays);
}
