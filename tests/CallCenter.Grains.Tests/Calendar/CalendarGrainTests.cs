using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Calendar;

[Collection(ClusterCollection.Name)]
public sealed class CalendarGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_new_calendar_is_seeded_with_the_shipped_years_and_accepts_a_new_one()
    {
        var grain = fixture.Client.GetGrain<ICalendarGrain>("test-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal([2025, 2026], await grain.LoadedYears());
        Assert.Single((await grain.AddWorkingDays(new DateOnly(2027, 1, 4), 1)).Warnings);

        await grain.PutYear(new YearCalendar(2027, [new Holiday("元旦", "New Year's Day", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3))], [], "test"));
        Assert.Equal([2025, 2026, 2027], await grain.LoadedYears());
        var result = await grain.AddWorkingDays(new DateOnly(2026, 12, 31), 1);
        Assert.Equal((new DateOnly(2027, 1, 4), 0), (result.Date, result.Warnings.Count));
        Assert.Equal(DayKind.Holiday, (await grain.Check(new DateOnly(2027, 1, 1))).Kind);
    }

    [Theory]
    [InlineData("2026-09-30T16:00:00+08:00", 0, "2026-09-30T17:30:00+08:00")] // before closing: the same day
    [InlineData("2026-09-30T18:00:00+08:00", 0, "2026-10-08T17:30:00+08:00")] // after closing, then the National Day week
    [InlineData("2026-10-03T10:00:00+08:00", 0, "2026-10-08T17:30:00+08:00")] // a holiday counts from the next working day
    [InlineData("2026-10-08T09:00:00+08:00", 2, "2026-10-10T17:30:00+08:00")] // Saturday 10 October is a make-up working day
    [InlineData("2026-10-08T01:00:00Z", 0, "2026-10-08T17:30:00+08:00")] // instants are read in the call centre's zone
    public async Task The_end_of_a_working_day_is_closing_time_on_the_official_calendar(string at, int workingDays, string expected)
    {
        var deadline = await fixture.Client.GetGrain<ICalendarGrain>("CN").EndOfWorkingDay(DateTimeOffset.Parse(at), workingDays);
        Assert.Equal(DateTimeOffset.Parse(expected), deadline.At);
        Assert.Empty(deadline.Warnings);
    }
}
