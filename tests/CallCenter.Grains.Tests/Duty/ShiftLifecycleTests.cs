using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.WorkOrders;
using Orleans.Core.Internal;

namespace CallCenter.Grains.Tests.Duty;

/// <summary>Duty shifts on the cluster's fixed clock: the clock moves only when a test advances it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ShiftLifecycleTests(ClusterFixture fixture)
{
    private static readonly TimeZoneInfo Shanghai = CallCenterClock.FindZone("Asia/Shanghai");
    private static readonly ClockSource Phone = new("10.0.0.8", "phone");
    private readonly Scenario s = new(fixture);

    private string Officer => s.Id("officer");

    private string Backup => s.Id("backup");

    private string Head => s.Id("head");

    [Fact]
    public async Task On_time_the_officer_checks_in_inside_the_window_and_checks_out_with_a_handover()
    {
        var shift = await Scheduled("am", startsInMinutes: 60);
        Assert.Equal(ShiftStatus.Scheduled, (await shift.Get()).Status);
        var early = await Assert.ThrowsAsync<RuleViolationException>(() => shift.CheckIn(Officer, Phone));
        Assert.Contains("is open from", early.Message);

        s.Advance(31 * 60);
        var open = await shift.Get();
        Assert.Equal(ShiftStatus.Open, open.Status);
        var checkedIn = await shift.CheckIn(Officer, Phone);
        Assert.Equal((ShiftStatus.CheckedIn, false, Officer), (checkedIn.Status, checkedIn.Late, checkedIn.CheckedInBy));
        var entry = Assert.Single(checkedIn.Clock);
        Assert.Equal(("in", Officer, "10.0.0.8", "phone"), (entry.Kind, entry.Officer, entry.Address, entry.Device));
        Assert.Equal(s.Time.GetUtcNow(), entry.At);
        Assert.Equal(shift.GetPrimaryKeyString(), await Officers(Officer).ActiveShift());
        Assert.Contains(await Register.OnDuty(null), t => t.ShiftId == shift.GetPrimaryKeyString());
        Assert.Contains(await Register.OnDuty("tax"), t => t.ShiftId == shift.GetPrimaryKeyString());
        Assert.DoesNotContain(await Register.OnDuty("levy"), t => t.ShiftId == shift.GetPrimaryKeyString());

        await Assert.ThrowsAsync<NotPermittedException>(() => shift.CheckOut(Backup, "", [], Phone));
        s.Advance(60 * 60);
        var done = await shift.CheckOut(Officer, "两张工单待复核", ["WO-1"], Phone);
        Assert.Equal(ShiftStatus.CheckedOut, done.Status);
        Assert.Equal(["in", "out"], done.Clock.Select(c => c.Kind));
        Assert.Equal("两张工单待复核", done.Handover!.Notes);
        Assert.Equal(["WO-1"], done.Handover.OpenMatters);
        Assert.Null(await Officers(Officer).ActiveShift());
        Assert.DoesNotContain(await Register.OnDuty(null), t => t.ShiftId == shift.GetPrimaryKeyString());

        var next = await Scheduled("pm", startsInMinutes: 20, previous: shift.GetPrimaryKeyString());
        Assert.Equal("两张工单待复核", (await next.Get()).PreviousHandover!.Notes);
    }

    [Fact]
    public async Task A_late_officer_raises_an_alert_on_the_board_that_clears_when_they_check_in()
    {
        var shift = await Scheduled("am", startsInMinutes: 5);
        s.Advance(16 * 60);
        var late = await shift.Get();
        Assert.Equal((ShiftStatus.Open, true), (late.Status, late.Late));
        var key = AlertEvaluator.Key(AlertKind.DutyOfficerLate, shift.GetPrimaryKeyString());
        var board = fixture.Client.GetGrain<IMonitorBoard>(0);
        var raised = await Eventually.Until(() => board.Snapshot(), b => b.OpenAlerts.Any(a => a.Key == key), "the late alert");
        Assert.Contains(raised.Duty!, d => d.ShiftId == shift.GetPrimaryKeyString() && d.Late);
        Assert.Equal("纳税服务科", raised.OpenAlerts.Single(a => a.Key == key).Department);

        var checkedIn = await shift.CheckIn(Officer, Phone);
        Assert.True(checkedIn.Late);
        var cleared = await Eventually.Until(() => board.Snapshot(), b => b.OpenAlerts.All(a => a.Key != key), "the late alert to clear");
        Assert.Contains(cleared.Duty!, d => d.ShiftId == shift.GetPrimaryKeyString() && d.Status == ShiftStatus.CheckedIn);
        await shift.CheckOut(Officer, "", [], Phone);
    }

    [Fact]
    public async Task A_no_show_tells_the_head_and_the_backup_who_may_then_check_in()
    {
        var shift = await Scheduled("am", startsInMinutes: 5);
        await Assert.ThrowsAsync<NotPermittedException>(() => shift.CheckIn(Backup, Phone));
        s.Advance(36 * 60);
        Assert.Equal(ShiftStatus.NoShow, (await shift.Get()).Status);
        Assert.Contains(await Officers(Head).Notices(), n => n.Kind == "no-show" && n.ShiftId == shift.GetPrimaryKeyString());
        Assert.Contains(await Officers(Backup).Notices(), n => n.Kind == "cover" && n.ShiftId == shift.GetPrimaryKeyString());
        var key = AlertEvaluator.Key(AlertKind.DutyNoShow, shift.GetPrimaryKeyString());
        await Eventually.Until(() => fixture.Client.GetGrain<IMonitorBoard>(0).Snapshot(), b => b.OpenAlerts.Any(a => a.Key == key), "the no-show alert");

        var covered = await shift.CheckIn(Backup, Phone);
        Assert.Equal((ShiftStatus.CheckedIn, Backup), (covered.Status, covered.CheckedInBy));
        Assert.Equal("backup after a no-show", covered.Clock.Single().Reason);
        await shift.CheckOut(Backup, "", [], Phone);
    }

    [Fact]
    public async Task A_shift_published_after_it_ended_is_missed_without_asking_anyone_to_cover()
    {
        var shift = await Scheduled("am", startsInMinutes: -150);
        Assert.Equal(ShiftStatus.Missed, (await shift.Get()).Status);
        Assert.Empty(await Officers(Head).Notices());
        Assert.Empty(await Officers(Backup).Notices());
        await Assert.ThrowsAsync<RuleViolationException>(() => shift.CheckIn(Officer, Phone));
    }

    [Fact]
    public async Task Someone_not_rostered_is_refused_and_nobody_holds_two_shifts_at_once()
    {
        var first = await Scheduled("am", startsInMinutes: 10);
        var second = await Scheduled("x", startsInMinutes: 20);
        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => first.CheckIn(s.Id("stranger"), Phone));
        Assert.Contains("is not rostered", refused.Message);

        await first.CheckIn(Officer, Phone);
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => second.CheckIn(Officer, Phone));
        Assert.Contains("one active shift per person", twice.Message);
        Assert.Equal(ShiftStatus.Open, (await second.Get()).Status);
        await first.CheckOut(Officer, "", [], Phone);
        Assert.Equal(ShiftStatus.CheckedIn, (await second.CheckIn(Officer, Phone)).Status);
        await second.CheckOut(Officer, "", [], Phone);
    }

    [Fact]
    public async Task A_restart_mid_shift_changes_nothing_and_the_clock_goes_on_to_overtime_and_automatic_check_out()
    {
        var shift = await Scheduled("am", startsInMinutes: 0);
        var checkedIn = await shift.CheckIn(Officer, Phone);
        await shift.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Officers(Officer).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await Register.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var after = await shift.Get();
        Assert.Equal((ShiftStatus.CheckedIn, checkedIn.CheckedInAt), (after.Status, after.CheckedInAt));
        Assert.Equal(shift.GetPrimaryKeyString(), await Officers(Officer).ActiveShift());
        Assert.Contains(await Register.OnDuty(null), t => t.ShiftId == shift.GetPrimaryKeyString());

        s.Advance(2 * 3600 + 60);
        Assert.Equal((ShiftStatus.CheckedIn, true), ((await shift.Get()).Status, (await shift.Get()).Overtime));
        s.Advance(3600);
        var closed = await shift.Get();
        Assert.Equal(ShiftStatus.CheckedOut, closed.Status);
        Assert.Equal(("out", "system"), (closed.Clock[^1].Kind, closed.Clock[^1].By));
        Assert.Null(await Officers(Officer).ActiveShift());
    }

    [Fact]
    public async Task An_administrator_corrects_a_check_in_with_a_new_entry_and_the_original_stays()
    {
        var shift = await Scheduled("am", startsInMinutes: 0);
        s.Advance(20 * 60);
        var late = await shift.CheckIn(Officer, Phone);
        Assert.True(late.Late);
        var correctedAt = late.Plan.Shift.Start.AddMinutes(-2);
        var corrected = await shift.Correct("admin", "in", correctedAt, "signed the paper sheet on time; the phone had no signal");
        Assert.Equal(["in", "correct-in"], corrected.Clock.Select(c => c.Kind));
        Assert.Equal(late.Clock[0], corrected.Clock[0]);
        Assert.Equal((correctedAt, false), (corrected.CheckedInAt, corrected.Late));
        Assert.Equal("admin", corrected.Clock[1].By);
        await Assert.ThrowsAsync<DomainValidationException>(() => shift.Correct("admin", "sideways", correctedAt, "x"));
        await shift.CheckOut(Officer, "", [], Phone);
    }

    [Fact]
    public async Task A_swap_asked_accepted_and_approved_by_the_head_changes_the_roster_and_tells_everyone()
    {
        var rotation = fixture.Client.GetGrain<IRotationGrain>(s.Id("rotation"));
        var colleague = s.Id("colleague");
        await rotation.Define(new RotationDefinition("纳税服务带班", [], [new DutyDepartment("tax", "纳税服务科", Head, [Officer, colleague])], new DutyRules()), "admin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Time.GetUtcNow(), Shanghai).DateTime);
        await rotation.Generate(today.AddDays(1), today.AddDays(14), "admin");
        var published = await rotation.Publish("admin");
        Assert.Contains(await Officers(Officer).Notices(), n => n.Kind == "roster");
        var mine = published.Shifts.First(x => x.Officer == Officer);
        Assert.Contains(mine.ShiftId, await Officers(Officer).Shifts(s.Time.GetUtcNow()));
        var shift = fixture.Client.GetGrain<IShiftGrain>(mine.ShiftId);

        await Assert.ThrowsAsync<NotPermittedException>(() => shift.RequestSwap(colleague, Officer, null));
        await shift.RequestSwap(Officer, colleague, "孩子家长会");
        var asked = (await Officers(colleague).Notices()).Single(n => n.Kind == "swap-asked");
        Assert.Equal((Officer, "孩子家长会", "纳税服务科", mine.Date.ToString("yyyy-MM-dd")), (asked.Args!["from"], asked.Args["note"], asked.Args["department"], asked.Args["date"]));
        await Assert.ThrowsAsync<RuleViolationException>(() => rotation.ApproveSwap(mine.ShiftId, Head, false));
        await shift.AnswerSwap(colleague, accept: true);
        Assert.Contains(await Officers(Head).Notices(), n => n.Kind == "swap-approval");
        await Assert.ThrowsAsync<NotPermittedException>(() => rotation.ApproveSwap(mine.ShiftId, colleague, false));

        var swapped = await rotation.ApproveSwap(mine.ShiftId, Head, false);
        Assert.Equal((colleague, Officer), (swapped.Officer, swapped.Backup));
        Assert.Equal(colleague, (await shift.Get()).Plan.Shift.Officer);
        Assert.Null((await shift.Get()).Swap);
        Assert.Equal(colleague, (await rotation.GetRoster(mine.Date, mine.Date, draft: false)).Shifts.Single(x => x.ShiftId == mine.ShiftId).Officer);
        foreach (var person in new[] { Officer, colleague, Head })
        {
            Assert.Contains(await Officers(person).Notices(), n => n.Kind == "swap-approved" && n.ShiftId == mine.ShiftId);
        }

        Assert.Contains(mine.ShiftId, await Officers(colleague).Shifts(s.Time.GetUtcNow()));
        Assert.Contains(await Officers(Officer).Notices(), n => n.Kind == "unassigned" && n.ShiftId == mine.ShiftId);
    }

    private IDutyRegisterGrain Register => fixture.Client.GetGrain<IDutyRegisterGrain>(0);

    private IDutyOfficerGrain Officers(string name) => fixture.Client.GetGrain<IDutyOfficerGrain>(name);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_open_matter_listed_at_check_out_passes_to_the_officer_who_checks_in_next_who_may_then_answer_it(bool noShow)
    {
        var department = s.Id("dept");
        await fixture.Client.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(department, "纳税服务科", s.Id("liaison"), null, Head, []), "test");
        var first = await Scheduled("am", startsInMinutes: 0, department: department);
        await first.CheckIn(Officer, Phone);
        var seat = new Actor(s.Id("seat"), false);
        var order = fixture.Client.GetGrain<IWorkOrderGrain>(s.Id("hq"));
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, department, null, Taxpayer.None, "跨区迁移怎么办？"), seat);
        Assert.Equal((Officer, AssigneeLevel.DutyOfficer), (opened.Assignee, opened.AssigneeLevel));
        await first.CheckOut(Officer, "一张工单待答复", [$"{opened.OrderId} 待答复", "窗口打印机缺纸"], Phone);

        var next = s.Id("next");
        var second = await Scheduled("pm", startsInMinutes: 10, previous: first.GetPrimaryKeyString(), department: department, officer: next);
        s.Advance(noShow ? 41 * 60 : 60);
        var taker = noShow ? Backup : next;
        await second.CheckIn(taker, Phone);

        var passed = await order.Get();
        Assert.Equal((taker, AssigneeLevel.DutyOfficer, seat.Name), (passed.Assignee, passed.AssigneeLevel, passed.Owner)); // the owner stays
        Assert.Equal(opened.Due, passed.Due); // the handover buys no time
        var line = passed.Timeline.Single(t => t.Action == "handed over");
        Assert.Equal((Officer, taker), (line.Args!["from"], line.Args["to"]));
        Assert.Contains(await fixture.Client.GetGrain<IWorkNoticesGrain>(taker).List(), n => n.OrderId == opened.OrderId && n.Kind == "handed-over");
        Assert.Contains(await fixture.Client.GetGrain<IWorkNoticesGrain>(Officer).List(), n => n.OrderId == opened.OrderId && n.Kind == "handed-over");
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Answer("x", [], new Actor(Officer, false))); // the one who left no longer holds it
        var answered = await order.Answer("在电子税务局办理跨区域涉税事项报告。", [], new Actor(taker, false));
        Assert.Equal(WorkOrderStatus.AwaitingReply, answered.Status);
        await second.CheckOut(taker, "", [], Phone);
    }

    private async Task<IShiftGrain> Scheduled(string template, int startsInMinutes, string? previous = null, string department = "tax", string? officer = null)
    {
        var start = s.Time.GetUtcNow().AddMinutes(startsInMinutes).ToOffset(TimeSpan.FromHours(8));
        var date = DateOnly.FromDateTime(start.DateTime);
        var id = $"{s.Id("rot")}/{date:yyyy-MM-dd}/{template}";
        var plan = new ShiftPlan(
            s.Id("rot"), new RosterShift(id, date, template, start, start.AddHours(2), department, officer ?? Officer, Backup),
            template, "纳税服务科", Head, new DutyRules(), previous);
        var shift = fixture.Client.GetGrain<IShiftGrain>(id);
        await shift.Schedule(plan);
        return shift;
    }

    [Fact]
    public async Task A_demo_rotation_has_shifts_every_day_weekends_and_years_without_a_calendar_included_each_marked_demo()
    {
        var rotation = fixture.Client.GetGrain<IRotationGrain>(s.Id("demo"));
        await rotation.Define(new RotationDefinition("演示带班", [], [new DutyDepartment("tax", "纳税服务科", Head, [Officer, Backup])], new DutyRules(), Demo: true), "demo");
        var saturday = new DateOnly(2031, 3, 1); // no 2031 calendar is loaded: a demo rotation does not need one
        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        await rotation.Generate(saturday, saturday.AddDays(1), "demo");
        var published = await rotation.Publish("demo");
        Assert.Equal([saturday, saturday.AddDays(1)], published.Shifts.Select(x => x.Date).Distinct());
        var weekend = await fixture.Client.GetGrain<IShiftGrain>(published.Shifts[0].ShiftId).Get();
        Assert.True(weekend.Plan.Demo);
        Assert.True((await fixture.Client.GetGrain<IShiftGrain>(published.Shifts[0].ShiftId).Tile()).Demo);

        var ordinary = fixture.Client.GetGrain<IRotationGrain>(s.Id("ordinary"));
        await ordinary.Define(new RotationDefinition("纳税服务带班", [], [new DutyDepartment("tax", "纳税服务科", Head, [Officer, Backup])], new DutyRules()), "admin");
        await Assert.ThrowsAsync<DomainValidationException>(() => ordinary.Generate(saturday, saturday.AddDays(1), "admin"));
    }
}
