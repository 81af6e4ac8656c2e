namespace CallCenter.Grains.Tests.Calendar;

/// <summary>Real dates of the shipped official arrangements for 2025 and 2026.</summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Shipped = new(ShippedCalendars.China());

    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_product_ships_the_2025_and_2026_arrangements() =>
        Assert.Equal([2025, 2026], ShippedCalendars.China().Select(y => y.Year));

    [Theory]
    [InlineData("2026-02-16", false, DayKind.Holiday, "春节")]
    [InlineData("2026-10-05", false, DayKind.Holiday, "国庆节")]
    [InlineData("2025-10-08", false, DayKind.Holiday, "国庆节、中秋节")]
    [InlineData("2026-02-14", true, DayKind.MakeUpWorkday, null)]
    [InlineData("2025-09-28", true, DayKind.MakeUpWorkday, null)]
    [InlineData("2026-03-07", false, DayKind.Weekend, null)]
    [InlineData("2026-10-08", true, DayKind.Workday, null)]
    public void Holidays_make_up_days_and_weekends_are_told_apart(string date, bool working, DayKind kind, string? name)
    {
        var day = Shipped.Check(D(date));
        Assert.Equal((working, kind, name, true, (string?)null), (day.IsWorkingDay, day.Kind, day.HolidayName, day.CalendarLoaded, day.Warning));
    }

    [Theory]
    [InlineData("2026-09-30", 1, "2026-10-08")] // across the National Day long holiday
    [InlineData("2026-02-13", 1, "2026-02-14")] // a make-up Saturday counts
    [InlineData("2026-02-13", 3, "2026-02-25")] // then the whole Spring Festival is skipped
    [InlineData("2026-05-01", 0, "2026-05-06")] // "today" on a holiday means the next working day
    [InlineData("2026-03-06", 1, "2026-03-09")] // an ordinary weekend
    [InlineData("2025-12-31", 2, "2026-01-05")] // across New Year into the next loaded year: 1–3 off, Sun 4 is a make-up day
    public void Adding_working_days_follows_the_arrangement(string from, int days, string expected)
    {
        var result = Shipped.AddWorkingDays(D(from), days);
        Assert.Equal(D(expected), result.Date);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_year_with_no_arrangement_keeps_its_statutory_holidays_and_says_it_is_provisional()
    {
        var result = Shipped.AddWorkingDays(D("2026-12-30"), 2);
        Assert.Equal(D("2027-01-04"), result.Date); // Thu 31 Dec, then 1 Jan (元旦) and the weekend are off
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("2027", warning);
        Assert.Contains("provisional", warning);

        var newYear = Shipped.Check(D("2027-01-01"));
        Assert.Equal((false, DayKind.Holiday, "元旦", false), (newYear.IsWorkingDay, newYear.Kind, newYear.HolidayName, newYear.CalendarLoaded));
        Assert.Contains("Administration → Calendar", newYear.Warning);
        var ordinary = Shipped.Check(D("2027-01-05"));
        Assert.Equal((true, DayKind.Workday, false), (ordinary.IsWorkingDay, ordinary.Kind, ordinary.CalendarLoaded));
        Assert.NotNull(ordinary.Warning);
    }

    [Fact]
    public void A_deadline_counted_across_an_unloaded_year_names_it_and_one_inside_loaded_years_does_not()
    {
        var clock = new CallCenterClock(TimeProvider.System, CallCenterClock.FindZone("Asia/Shanghai"));
        var provisional = Shipped.EndOfWorkingDay(clock, new TimeOnly(17, 30), new DateTimeOffset(2026, 12, 30, 10, 0, 0, TimeSpan.FromHours(8)), 2);
        Assert.Equal((D("2027-01-04"), true), (provisional.Date, provisional.Provisional));
        Assert.Equal([2027], provisional.ProvisionalYears!);
        var firm = Shipped.EndOfWorkingDay(clock, new TimeOnly(17, 30), new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8)), 1);
        Assert.Equal((D("2026-10-08"), false), (firm.Date, firm.Provisional));
    }

    [Fact]
    public void Impossible_arrangements_are_refused_with_the_reason()
    {
        var good = ShippedCalendars.China().Single(y => y.Year == 2026);
        Assert.Same(good, WorkingDayCalendar.Validate(good));
        Assert.Throws<DomainValidationException>(() => WorkingDayCalendar.Validate(good with { MakeUpWorkdays = [D("2026-03-04")] })); // a Wednesday
        Assert.Throws<DomainValidationException>(() => WorkingDayCalendar.Validate(good with { MakeUpWorkdays = [D("2026-02-21")] })); // inside Spring Festival
        Assert.Throws<DomainValidationException>(() => WorkingDayCalendar.Validate(good with { Holidays = [new Holiday("x", null, D("2026-05-05"), D("2026-05-01"))] }));
        Assert.Throws<DomainValidationException>(() => WorkingDayCalendar.Validate(good with { Holidays = [new Holiday("x", null, D("2028-05-01"), D("2028-05-02"))] }));
        Assert.Throws<DomainValidationException>(() => WorkingDayCalendar.Validate(good with { Year = 1900 }));
        Assert.Throws<DomainValidationException>(() => Shipped.AddWorkingDays(D("2026-01-05"), -1));
    }
}
