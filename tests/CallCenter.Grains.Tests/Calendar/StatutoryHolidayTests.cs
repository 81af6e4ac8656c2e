namespace CallCenter.Grains.Tests.Calendar;

/// <summary>The statutory days off worked out for a year the State Council has not published yet, against real dates.</summary>
public sealed class StatutoryHolidayTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    private static (string From, string To) Span(int year, string name)
    {
        var holiday = StatutoryHolidays.For(year).Single(h => h.Name == name);
        return (holiday.From.ToString("yyyy-MM-dd"), holiday.To.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void The_2027_spring_festival_runs_from_new_years_eve_for_the_four_statutory_days() =>
        Assert.Equal(("2027-02-05", "2027-02-08"), Span(2027, "春节"));

    [Theory]
    [InlineData(2027, "元旦", "2027-01-01", "2027-01-01")]
    [InlineData(2027, "清明节", "2027-04-05", "2027-04-05")]
    [InlineData(2027, "劳动节", "2027-05-01", "2027-05-02")]
    [InlineData(2027, "端午节", "2027-06-09", "2027-06-09")]
    [InlineData(2027, "中秋节", "2027-09-15", "2027-09-15")]
    [InlineData(2027, "国庆节", "2027-10-01", "2027-10-03")]
    [InlineData(2028, "春节", "2028-01-25", "2028-01-28")]
    [InlineData(2028, "端午节", "2028-05-28", "2028-05-28")]
    [InlineData(2028, "中秋节", "2028-10-03", "2028-10-03")]
    [InlineData(2024, "春节", "2024-02-10", "2024-02-12")] // before the 2025 revision: 初一 to 初三
    [InlineData(2024, "劳动节", "2024-05-01", "2024-05-01")]
    public void Each_statutory_holiday_falls_on_its_lunar_or_fixed_date(int year, string name, string from, string to) =>
        Assert.Equal((from, to), Span(year, name));

    [Theory]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2030, "2030-04-05")]
    public void Qingming_is_the_day_of_the_solar_term(int year, string date) =>
        Assert.Equal(D(date), StatutoryHolidays.Qingming(year));

    [Fact]
    public void Every_statutory_day_is_a_day_off_in_each_shipped_official_arrangement()
    {
        foreach (var year in ShippedCalendars.China())
        {
            var official = new WorkingDayCalendar([year]);
            foreach (var holiday in StatutoryHolidays.For(year.Year))
            {
                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                {
                    Assert.True(official.Check(d).Kind == DayKind.Holiday, $"{holiday.Name} {d:yyyy-MM-dd} is not a holiday in the official {year.Year} arrangement");
                }
            }
        }
    }

    [Fact]
    public void Years_outside_the_lunar_tables_get_no_guess() =>
        Assert.Empty(StatutoryHolidays.For(2101));
}
