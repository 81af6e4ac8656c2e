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
}
