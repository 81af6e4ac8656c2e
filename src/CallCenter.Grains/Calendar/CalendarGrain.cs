namespace CallCenter.Calendar;

[GrainType("calendar")]
public sealed class CalendarGrain(
    [PersistentState("calendar", StorageNames.Grains)] IPersistentState<CalendarRecord> calendar,
    CallCenterClock clock,
    IOptions<OfficeHours> hours) : Grain, ICalendarGrain
{
    private WorkingDayCalendar days = new([]);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!calendar.State.Seeded)
        {
            foreach (var year in ShippedCalendars.China())
            {
                calendar.State.Years.TryAdd(year.Year, year);
            }

            calendar.State.Seeded = true;
            await calendar.WriteStateAsync(cancellationToken);
        }

        days = new WorkingDayCalendar(calendar.State.Years.Values);
    }

    async Task<YearCalendar> ICalendarGrain.PutYear(YearCalendar year)
    {
        calendar.State.Years[year.Year] = WorkingDayCalendar.Validate(year);
        await calendar.WriteStateAsync();
        days = new WorkingDayCalendar(calendar.State.Years.Values);
        return year;
    }

    Task<YearCalendar?> ICalendarGrain.GetYear(int year) => Task.FromResult(calendar.State.Years.GetValueOrDefault(year));

    Task<IReadOnlyList<int>> ICalendarGrain.LoadedYears() =>
        Task.FromResult<IReadOnlyList<int>>(calendar.State.Years.Keys.Order().ToArray());

    Task<WorkingDay> ICalendarGrain.Check(DateOnly date) => Task.FromResult(days.Check(date));

    Task<WorkingDayResult> ICalendarGrain.AddWorkingDays(DateOnly from, int count) => Task.FromResult(days.AddWorkingDays(from, count));

    Task<WorkingDeadline> ICalendarGrain.EndOfWorkingDay(DateTimeOffset at, int workingDays) =>
        Task.FromResult(days.EndOfWorkingDay(clock, hours.Value.Closes, at, workingDays));
}
