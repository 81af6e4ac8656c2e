using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.WorkOrders;

namespace CallCenter.Grains.Tests.WorkOrders;

/// <summary>A cluster of its own: its clock goes to the end of 2026 and it loads a 2027 arrangement, which no other test may see.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CalendarYearCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "calendar-year";
}

[Collection(CalendarYearCluster.Name)]
public sealed class ProvisionalDeadlineTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    private IGrainFactory Grains => fixture.Client;

    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_complaint_opened_before_an_unpublished_year_skips_its_new_years_day_and_is_recounted_when_the_year_is_loaded()
    {
        s.Time.SetUtcNow(new DateTimeOffset(2026, 12, 30, 10, 0, 0, Shanghai));
        var seat = new Actor(s.Id("seat"), false);
        var order = Grains.GetGrain<IWorkOrderGrain>(s.Id("complaint"));
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.ServiceComplaint, null, null, Taxpayer.None, "坐席推诿",
            Severity: ComplaintSeverity.General, Against: s.Id("agent")), seat);

        // Thu 31 Dec, then 1 January (元旦, fixed by law) and the weekend: Monday 4 January, never New Year's Day.
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 17, 30, 0, Shanghai), opened.Due);
        Assert.True(opened.DueProvisional);
        Assert.Equal([2027], opened.ProvisionalYears!);
        var listed = (await s.Store<IWorkOrderSummaries>().Open()).Single(o => o.OrderId == opened.OrderId);
        Assert.True(listed.DueProvisional);

        // The published year makes Saturday 2 January a make-up working day (fictional, to move the deadline).
        await Grains.GetGrain<ICalendarGrain>("CN").PutYear(new YearCalendar(2027,
            [new Holiday("元旦", "New Year's Day", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1))], [new DateOnly(2027, 1, 2)], "test"));

        var recounted = await order.Get();
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 17, 30, 0, Shanghai), recounted.Due);
        Assert.False(recounted.DueProvisional);
        var line = recounted.Timeline.Last(t => t.Action == "deadline recounted");
        Assert.Equal(("system", "2027"), (line.Actor, line.Args!["years"]));
        Assert.Equal(opened.Due!.Value, DateTimeOffset.Parse(line.Args["was"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.False((await s.Store<IWorkOrderSummaries>().Open()).Single(o => o.OrderId == opened.OrderId).DueProvisional);

        // Loading the year again changes nothing and writes no second line.
        await Grains.GetGrain<ICalendarGrain>("CN").PutYear((await Grains.GetGrain<ICalendarGrain>("CN").GetYear(2027))!);
        Assert.Single((await order.Get()).Timeline, t => t.Action == "deadline recounted");
    }
}
