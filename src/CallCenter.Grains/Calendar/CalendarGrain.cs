namespace CallCenter.Calendar;

/// <summary>
/// The region's arrangements. Loading a year recomputes every open work-order deadline that was counted provisionally
/// across it; the years still to sweep are stored with a reminder, so a host dying mid-sweep leaves it to be finished.
/// </summary>
[GrainType("calendar")]
public sealed class CalendarGrain(
    [PersistentState("calendar", StorageNames.Grains)] IPersistentState<CalendarRecord> calendar,
    CallCenterClock clock,
    IOptions<OfficeHours> hours,
    IWorkOrderSummaries orders,
    ILogger<CalendarGrain> logger) : Grain, ICalendarGrain, IRemindable
{
    private const string SweepReminder = "calendar-deadline-sweep";
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
        calendar.State.Unswept.Add(year.Year);
        await calendar.WriteStateAsync();
        days = new WorkingDayCalendar(calendar.State.Years.Values);
        await this.RegisterOrUpdateReminder(SweepReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Sweep();
        return year;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => await Sweep();

    /// <summary>Every open order whose deadline was counted provisionally across a year just loaded is counted again.</summary>
    private async Task Sweep()
    {
        var years = calendar.State.Unswept.ToHashSet();
        if (years.Count > 0)
        {
            var touched = (await orders.Open()).Where(o => o.ProvisionalYears?.Any(years.Contains) == true).ToList();
            foreach (var order in touched)
            {
                await GrainFactory.GetGrain<IWorkOrderGrain>(order.OrderId).RecountDeadline();
            }

            logger.LogInformation("Loaded year(s) {Years}: recounted {Count} provisional work-order deadlines", string.Join(", ", years), touched.Count);
            calendar.State.Unswept.ExceptWith(years);
            await calendar.WriteStateAsync();
        }

        if (calendar.State.Unswept.Count == 0 && await this.GetReminder(SweepReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    Task<YearCalendar?> ICalendarGrain.GetYear(int year) => Task.FromResult(calendar.State.Years.GetValueOrDefault(year));

    Task<IReadOnlyList<int>> ICalendarGrain.LoadedYears() =>
        Task.FromResult<IReadOnlyList<int>>(calendar.State.Years.Keys.Order().ToArray());

    Task<WorkingDay> ICalendarGrain.Check(DateOnly date) => Task.FromResult(days.Check(date));

    Task<WorkingDayResult> ICalendarGrain.AddWorkingDays(DateOnly from, int count) => Task.FromResult(days.AddWorkingDays(from, count));

    Task<WorkingDeadline> ICalendarGrain.EndOfWorkingDay(DateTimeOffset at, int workingDays) =>
        Task.FromResult(days.EndOfWorkingDay(clock, hours.Value.Closes, at, workingDays));
}
