namespace CallCenter.Calendar;

/// <summary>
/// Working days from the loaded official arrangements: holidays are off, make-up days (调休) are on, other days follow
/// the week. A year with nothing loaded is provisional: its statutory holidays (<see cref="StatutoryHolidays"/>) are
/// off, weekends are off, and every answer touching it says so, never silently.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const int MaxDays = 3660;

    private readonly HashSet<int> years;
    private readonly Dictionary<DateOnly, (DayKind Kind, string? Name)> special = [];
    private readonly Dictionary<int, Dictionary<DateOnly, string>> provisional = [];

    public WorkingDayCalendar(IEnumerable<YearCalendar> loaded)
    {
        var list = loaded.ToList();
        years = list.Select(y => y.Year).ToHashSet();
        foreach (var year in list)
        {
            foreach (var holiday in year.Holidays)
            {
                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    special[d] = (DayKind.Holiday, holiday.Name);
                }
            }

            foreach (var day in year.MakeUpWorkdays)
            {
                special[day] = (DayKind.MakeUpWorkday, null);
            }
        }
    }

    public static string MissingYear(int year) =>
        $"No official holiday arrangement is loaded for {year}: its statutory holidays are assumed and its make-up working days (调休) are unknown, so dates in {year} are provisional. Load the year in Administration → Calendar when the State Council publishes it.";

    public bool IsLoaded(int year) => years.Contains(year);

    public WorkingDay Check(DateOnly date)
    {
        var loaded = IsLoaded(date.Year);
        if (loaded && special.TryGetValue(date, out var day))
        {
            return new WorkingDay(date, day.Kind == DayKind.MakeUpWorkday, day.Kind, day.Name, true, null);
        }

        if (!loaded && Provisional(date.Year).TryGetValue(date, out var holiday))
        {
            return new WorkingDay(date, false, DayKind.Holiday, holiday, false, MissingYear(date.Year));
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        return new WorkingDay(date, !weekend, weekend ? DayKind.Weekend : DayKind.Workday, null, loaded, loaded ? null : MissingYear(date.Year));
    }

    /// <summary>The statutory days off of a year with no arrangement loaded, worked out once.</summary>
    private Dictionary<DateOnly, string> Provisional(int year)
    {
        lock (provisional)
        {
            if (!provisional.TryGetValue(year, out var days))
            {
                days = [];
                foreach (var holiday in StatutoryHolidays.For(year))
                {
                    for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                    {
                        days[d] = holiday.Name;
                    }
                }

                provisional[year] = days;
            }

            return days;
        }
    }

    public WorkingDayResult AddWorkingDays(DateOnly from, int days)
    {
        if (days is < 0 or > MaxDays)
        {
            throw new DomainValidationException("days", $"Working days to add must be between 0 and {MaxDays}.");
        }

        var touched = new SortedSet<int> { from.Year };
        var date = from;
        if (days == 0)
        {
            while (!Check(date).IsWorkingDay)
            {
                date = date.AddDays(1);
                touched.Add(date.Year);
            }
        }

        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            touched.Add(date.Year);
            if (Check(date).IsWorkingDay)
            {
                counted++;
            }
        }

        return new WorkingDayResult(date, touched.Where(y => !IsLoaded(y)).Select(MissingYear).ToArray());
    }

    /// <summary>
    /// Closing time of the working day <paramref name="workingDays"/> after the one <paramref name="at"/> falls in; after
    /// closing time or on a day off, counting starts from the next working day (0 = "the same working day", 当日).
    /// </summary>
    public WorkingDeadline EndOfWorkingDay(CallCenterClock clock, TimeOnly closes, DateTimeOffset at, int workingDays)
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var first = Check(date).IsWorkingDay && TimeOnly.FromDateTime(local.DateTime) < closes
            ? new WorkingDayResult(date, [])
            : AddWorkingDays(date.AddDays(1), 0);
        var target = AddWorkingDays(first.Date, workingDays);
        var provisionalYears = Enumerable.Range(date.Year, target.Date.Year - date.Year + 1).Where(y => !IsLoaded(y)).ToArray();
        return new WorkingDeadline(target.Date, clock.At(target.Date, closes), [.. provisionalYears.Select(MissingYear)], provisionalYears);
    }

    /// <summary>Refuses an arrangement that cannot be right, naming the first problem.</summary>
    public static YearCalendar Validate(YearCalendar year)
    {
        if (year.Year is < 2000 or > 2100)
        {
            throw new DomainValidationException("year", "The year must be between 2000 and 2100.");
        }

        var first = new DateOnly(year.Year - 1, 12, 1);
        var last = new DateOnly(year.Year + 1, 1, 31);
        foreach (var h in year.Holidays ?? throw new DomainValidationException("holidays", "The list of holidays is required (it may be empty)."))
        {
            if (string.IsNullOrWhiteSpace(h.Name) || h.Name.Length > 50)
            {
                throw new DomainValidationException("holidays", "Every holiday needs a name of at most 50 characters.");
            }

            if (h.From > h.To || h.To.DayNumber - h.From.DayNumber > 15 || h.From < first || h.To > last)
            {
                throw new DomainValidationException("holidays", $"{h.Name}: {h.From:yyyy-MM-dd} to {h.To:yyyy-MM-dd} must be in order, at most 16 days, around {year.Year}.");
            }
        }

        foreach (var day in year.MakeUpWorkdays ?? throw new DomainValidationException("makeUpWorkdays", "The list of make-up working days is required (it may be empty)."))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || day < first || day > last)
            {
                throw new DomainValidationException("makeUpWorkdays", $"{day:yyyy-MM-dd} is not a weekend day around {year.Year}; make-up working days (调休) fall on weekends.");
            }

            if (year.Holidays.Any(h => day >= h.From && day <= h.To))
            {
                throw new DomainValidationException("makeUpWorkdays", $"{day:yyyy-MM-dd} is both a holiday and a make-up working day.");
            }
        }

        return year;
    }
}
