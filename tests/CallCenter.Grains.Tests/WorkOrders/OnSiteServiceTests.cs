using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.WorkOrders;

namespace CallCenter.Grains.Tests.WorkOrders;

/// <summary>上门服务 on a cluster whose clock may be moved to a Friday without disturbing the flows' fixed dates.</summary>
[Collection(CalendarYearCluster.Name)]
public sealed class OnSiteServiceTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    private IGrainFactory Grains => fixture.Client;

    private ICalendarGrain Calendar => Grains.GetGrain<ICalendarGrain>("CN");

    [Fact]
    public async Task On_site_service_needs_thirty_minutes_of_guidance_and_a_fix_dispatched_on_a_friday_is_due_on_monday()
    {
        var friday = await NextFridayBeforeAnOrdinaryWeekend();
        s.Time.SetUtcNow(new DateTimeOffset(friday.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)));
        var department = s.Id("dept");
        await Grains.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(department, "纳税服务科", s.Id("liaison"), null, null, []), "test");
        var seat = new Actor(s.Id("seat"), false);
        var engineer = new Actor(s.Id("engineer"), false);
        var question = Grains.GetGrain<IWorkOrderGrain>(s.Id("hq"));
        await question.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, department, null, new Taxpayer("赵六", "13600001111", null), "税控盘无法开票"), seat);
        var dispatch = new OnSiteDispatch(engineer.Name, "浦东新区世纪大道100号", s.Time.GetUtcNow().AddHours(4));
        OnSiteOpening Opening() => new(s.Id("onsite-" + Guid.NewGuid().ToString("N")[..4]), question.GetPrimaryKeyString(), dispatch);

        await question.Guided(10, "远程指导重装驱动", seat);
        var early = Opening();
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => Grains.GetGrain<IWorkOrderGrain>(early.Id).Open(early.Opening, seat));
        Assert.Contains("30 minutes", refused.Message);
        await Assert.ThrowsAsync<NotConfiguredException>(() => Grains.GetGrain<IWorkOrderGrain>(early.Id).Get()); // nothing half-opened

        Assert.Equal(30, (await question.Guided(20, "逐项排查证书和网络", seat)).GuidanceMinutes);
        var ok = Opening();
        var order = Grains.GetGrain<IWorkOrderGrain>(ok.Id);
        var opened = await order.Open(ok.Opening, seat);
        Assert.Equal((WorkOrderKind.OnSite, engineer.Name, department, dispatch), (opened.Kind, opened.Assignee, opened.Department, opened.Dispatch));
        var monday = friday.AddDays(3);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        Assert.Equal(new DateTimeOffset(monday.ToDateTime(new TimeOnly(17, 30)), TimeSpan.FromHours(8)), opened.Due); // one working day, across the weekend

        await Assert.ThrowsAsync<RuleViolationException>(() => order.VisitRecorded("x", engineer)); // the fix comes first
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Fixed("x", seat));
        var fixedAt = await order.Fixed("更换税控盘数据线后恢复开票", engineer);
        Assert.Equal((await Calendar.EndOfWorkingDay(s.Time.GetUtcNow(), 3)).At, fixedAt.Due);
        var closed = await order.VisitRecorded("上门时间10:30，现场更换数据线，纳税人签字确认", engineer);
        Assert.Equal((WorkOrderStatus.Closed, "上门时间10:30，现场更换数据线，纳税人签字确认"), (closed.Status, closed.VisitRecord));
        var followUp = await Grains.GetGrain<IWorkOrderGrain>(closed.RelatedOrders.Single()).Get();
        Assert.Equal((WorkOrderKind.FollowUp, AssigneeLevel.FollowUpPool), (followUp.Kind, followUp.AssigneeLevel));
    }

    private sealed record OnSiteOpening(string Id, WorkOrderOpening Opening)
    {
        public OnSiteOpening(string id, string source, OnSiteDispatch dispatch)
            : this(id, new WorkOrderOpening(WorkOrderKind.OnSite, null, null, new Taxpayer("赵六", "13600001111", null), "上门处理税控盘故障",
                SourceOrder: source, Dispatch: dispatch))
        {
        }
    }

    /// <summary>A working Friday followed by an ordinary weekend and a working Monday, from the cluster's clock on.</summary>
    private async Task<DateOnly> NextFridayBeforeAnOrdinaryWeekend()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Time.GetUtcNow(), CallCenterClock.FindZone("Asia/Shanghai")).DateTime).AddDays(1);
        while (true)
        {
            if (day.DayOfWeek == DayOfWeek.Friday
                && (await Calendar.Check(day)).IsWorkingDay
                && !(await Calendar.Check(day.AddDays(1))).IsWorkingDay
                && !(await Calendar.Check(day.AddDays(2))).IsWorkingDay
                && (await Calendar.Check(day.AddDays(3))).IsWorkingDay)
            {
                return day;
            }

            day = day.AddDays(1);
        }
    }
}
