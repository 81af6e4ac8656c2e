using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.Knowledge;
using CallCenter.WorkOrders;

namespace CallCenter.Grains.Tests.WorkOrders;

/// <summary>A second cluster, run on its own after the others so two clusters never compete for the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkOrderCluster : ICollectionFixture<ClusterFixture>
{
    public const string Name = "work-orders";
}

/// <summary>
/// The six kinds of work order on their own cluster (so moving its fixed clock by days disturbs no other test), with
/// deadlines from the shipped 2026 calendar. Each test configures its own department and people.
/// </summary>
[Collection(WorkOrderCluster.Name)]
public sealed class WorkOrderFlowTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    private IGrainFactory Grains => fixture.Client;

    private Actor Seat => new(s.Id("seat"), false);

    private Actor Liaison => new(s.Id("liaison"), false);

    private Actor Handler => new(s.Id("handler"), false);

    /// <summary>A service-supervision officer (服务监督人员): judges complaints, calls from the follow-up pool.</summary>
    private Actor Quality => new(s.Id("quality"), false, SupervisesService: true);

    private Actor Supervisor => new(s.Id("supervisor"), true);

    private string Department => s.Id("dept");

    private static readonly Taxpayer Caller = new("张三", "13812345678", "91310000MA1FL00000");

    [Fact]
    public async Task A_hard_question_goes_to_the_liaison_then_a_handler_whose_answer_returns_to_the_seat_and_becomes_a_knowledge_draft()
    {
        await Departments();
        var order = New("hq");
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, "call-1", Caller, "数电发票开错了怎么红冲？"), Seat);
        Assert.Equal((WorkOrderStatus.AwaitingAssignment, Liaison.Name, AssigneeLevel.Liaison, Seat.Name),
            (opened.Status, opened.Assignee, opened.AssigneeLevel, opened.Owner));
        Assert.Equal(await EndOfDay(opened.OpenedAt, 0), opened.Due);
        Assert.Contains(await Notices(Liaison.Name), n => n.OrderId == opened.OrderId && n.Kind == "arrived");

        await Assert.ThrowsAsync<NotPermittedException>(() => order.Assign(Handler.Name, new Actor(s.Id("stranger"), false)));
        await Assert.ThrowsAsync<DomainValidationException>(() => order.Assign(s.Id("not-a-handler"), Liaison));
        var assigned = await order.Assign(Handler.Name, Liaison);
        Assert.Equal((WorkOrderStatus.InHand, Handler.Name, AssigneeLevel.Handler), (assigned.Status, assigned.Assignee, assigned.AssigneeLevel));
        Assert.Equal(await EndOfDay(opened.OpenedAt, 3), assigned.Due);
        Assert.Equal(Seat.Name, assigned.Owner);

        await Assert.ThrowsAsync<NotPermittedException>(() => order.Answer("x", [], Liaison));
        var answered = await order.Answer("在电子税务局发票业务模块开具红字发票。", ["国家税务总局公告2024年第11号"], Handler);
        Assert.Equal((WorkOrderStatus.AwaitingReply, Seat.Name, AssigneeLevel.Seat), (answered.Status, answered.Assignee, answered.AssigneeLevel));
        Assert.Equal(await EndOfDay(s.Time.GetUtcNow(), 0), answered.Due);
        Assert.Contains(await Notices(Seat.Name), n => n.OrderId == opened.OrderId && n.Kind == "answered");
        var draft = await Grains.GetGrain<IKnowledgeEntryGrain>(answered.KnowledgeEntry!).Get();
        Assert.Equal(("数电发票开错了怎么红冲？", "在电子税务局发票业务模块开具红字发票。", Handler.Name), (draft.Draft!.Question, draft.Draft.Answer, draft.DraftAuthor));
        Assert.Equal([opened.OrderId], draft.Draft.SourceOrders);

        await Assert.ThrowsAsync<NotPermittedException>(() => order.Replied("x", Handler));
        var closed = await order.Replied("已电话告知纳税人", Seat);
        Assert.Equal((WorkOrderStatus.Closed, 0), (closed.Status, closed.LateStages));
        Assert.Equal(["opened", "routed", "assigned", "answered", "knowledge draft", "closed"], closed.Timeline.Select(t => t.Action));
        var followUp = await Order(closed.RelatedOrders.Single()).Get();
        Assert.Equal((WorkOrderKind.FollowUp, WorkOrderStatus.InHand, IWorkNoticesGrain.FollowUpPool, opened.OrderId), (followUp.Kind, followUp.Status, followUp.Assignee, followUp.SourceOrder));
        Assert.Equal(await EndOfDay(followUp.OpenedAt, 3), followUp.Due);
        Assert.DoesNotContain(await s.Store<IWorkOrderSummaries>().Open(), o => o.OrderId == opened.OrderId);
        Assert.Contains(await s.Store<IWorkOrderSummaries>().Month(CallCenter.CallCenterClock.MonthKey(CallCenterClock(opened.OpenedAt))),
            o => o.OrderId == opened.OrderId && o.Status == WorkOrderStatus.Closed);
    }

    [Fact]
    public async Task With_a_duty_officer_checked_in_the_order_goes_to_them_and_they_may_answer_it_directly()
    {
        await Departments();
        var officer = s.Id("officer");
        var now = s.Time.GetUtcNow();
        var shift = new RosterShift(s.Id("rota") + "/2026-03-02/am", new DateOnly(2026, 3, 2), "am", now.AddHours(-1), now.AddHours(8), Department, officer, null);
        await Grains.GetGrain<IDutyRegisterGrain>(0).Update(new DutyTile(shift, "上午", "测试科", ShiftStatus.CheckedIn, false, false, officer, now, null));
        try
        {
            var order = New("hq");
            var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "个税汇算能否更正？"), Seat);
            Assert.Equal((officer, AssigneeLevel.DutyOfficer), (opened.Assignee, opened.AssigneeLevel));
            var answered = await order.Answer("可以在个税APP更正申报。", [], new Actor(officer, false));
            Assert.Equal((WorkOrderStatus.AwaitingReply, Seat.Name), (answered.Status, answered.Assignee));
        }
        finally
        {
            await Grains.GetGrain<IDutyRegisterGrain>(0).Update(new DutyTile(shift, "上午", "测试科", ShiftStatus.CheckedOut, false, false, officer, now, now));
        }
    }

    [Fact]
    public async Task An_overdue_hard_question_warns_first_then_escalates_one_level_to_the_liaison_who_may_then_act()
    {
        await Departments();
        var order = New("hq");
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "跨区迁移怎么办理？"), Seat);
        await order.Assign(Handler.Name, Liaison);
        var due = await EndOfDay(opened.OpenedAt, 3);

        MoveTo(due.AddMinutes(-30));
        var soon = await order.Get();
        Assert.Equal((false, 0), (soon.Overdue, soon.Escalations));
        Assert.Contains(await Notices(Handler.Name), n => n.OrderId == opened.OrderId && n.Kind == "due-soon");
        Assert.Contains(await Notices(IWorkNoticesGrain.Supervisors), n => n.OrderId == opened.OrderId && n.Kind == "due-soon");

        MoveTo(due.AddMinutes(1));
        var overdue = await order.Get();
        Assert.Equal((true, 1), (overdue.Overdue, overdue.Escalations));
        Assert.Equal(Liaison.Name, overdue.Timeline.Single(t => t.Action == "escalated").Text);
        Assert.Contains(await Notices(Liaison.Name), n => n.OrderId == opened.OrderId && n.Kind == "overdue");
        Assert.Contains(await Notices(Seat.Name), n => n.OrderId == opened.OrderId && n.Kind == "overdue");
        Assert.Equal(1, (await order.Get()).Escalations); // once per stage

        var answered = await order.Answer("由上级联络员答复。", [], Liaison);
        Assert.Equal((WorkOrderStatus.AwaitingReply, 1), (answered.Status, answered.LateStages));
    }

    [Fact]
    public async Task A_service_complaint_cannot_be_transferred_and_a_valid_one_vetoes_the_person_at_fault()
    {
        await Departments();
        var order = New("complaint");
        await Assert.ThrowsAsync<DomainValidationException>(() => order.Open(new WorkOrderOpening(WorkOrderKind.ServiceComplaint, null, null, Caller, "态度差"), Seat));
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.ServiceComplaint, Department, "call-9", Caller, "坐席态度恶劣", Severity: ComplaintSeverity.Serious,
            Against: s.Id("agent-x")), Seat);
        Assert.Equal((WorkOrderStatus.InHand, Seat.Name, Seat.Name), (opened.Status, opened.Owner, opened.Assignee));
        Assert.Equal(await EndOfDay(opened.OpenedAt, 1), opened.Due); // a serious complaint runs a shorter clock than a general one (2)

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => order.Transfer(s.Id("other"), "不归我管", Seat));
        Assert.Contains("首问负责", refused.Message);
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Resolve(new ComplaintFinding(true, null, "x"), Handler));
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Resolve(new ComplaintFinding(false, null, "x"), Seat)); // seats do not judge complaints
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Resolve(new ComplaintFinding(false, null, "x"), new Actor(s.Id("agent-x"), true))); // nor does the person named

        var graded = await Assert.ThrowsAsync<NotPermittedException>(() => order.Resolve(new ComplaintFinding(true, null, "x"), Quality));
        Assert.Contains("分级负责", graded.Message); // a serious complaint is a supervisor's to decide
        var noActions = await Assert.ThrowsAsync<DomainValidationException>(() => order.Resolve(new ComplaintFinding(true, null, "x", true, "attitude"), Supervisor));
        Assert.Equal("actions", noActions.Field);
        var actions = new[]
        {
            new CorrectiveAction("组织服务礼仪培训", s.Id("trainer"), CallCenterClock(s.Time.GetUtcNow()).AddDays(7)),
            new CorrectiveAction("一周内抽听该座席全部录音", Quality.Name, CallCenterClock(s.Time.GetUtcNow()).AddDays(3)),
        };
        var judged = await order.Resolve(new ComplaintFinding(true, null, "已批评教育并向纳税人致歉", Apology: true, Cause: "attitude", Actions: actions), Supervisor);
        Assert.Equal((WorkOrderStatus.InHand, s.Id("agent-x"), Supervisor.Name, AssigneeLevel.ServiceSupervision), (judged.Status, judged.Finding!.AtFault, judged.Assignee, judged.AssigneeLevel));
        Assert.Equal(await EndOfDay(new DateTimeOffset(actions[0].Due.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), 0), judged.Due); // by the last action's due date
        Assert.Contains(await Notices(s.Id("trainer")), n => n.Kind == "corrective-action" && n.OrderId == judged.OrderId);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => order.Resolve(new ComplaintFinding(false, null, "x"), Supervisor)); // judged once
        await Assert.ThrowsAsync<NotPermittedException>(() => order.ActionVerified(1, "x", Seat));
        await Assert.ThrowsAsync<DomainValidationException>(() => order.ActionVerified(3, "x", Quality));
        var half = await order.ActionVerified(2, "已抽听32通，无新问题", Quality);
        Assert.Equal(WorkOrderStatus.InHand, half.Status);
        await Assert.ThrowsAsync<DomainValidationException>(() => order.ActionVerified(2, "again", Quality));
        var resolved = await order.ActionVerified(1, "培训签到表已核", Quality);
        Assert.Equal((WorkOrderStatus.Closed, s.Id("agent-x")), (resolved.Status, resolved.Finding!.AtFault));
        Assert.Equal([2, 1], resolved.ActionChecks!.Select(c => c.Number));
        var vetoes = await s.Store<IQualityRecords>().Vetoes(CallCenter.CallCenterClock.MonthKey(CallCenterClock(s.Time.GetUtcNow())));
        Assert.Contains(vetoes, v => v.OrderId == opened.OrderId && v.Person == s.Id("agent-x"));
        Assert.Contains(await Notices(s.Id("agent-x")), n => n.Kind == "veto");
        Assert.Single(resolved.RelatedOrders); // the follow-up
    }

    [Fact]
    public async Task A_tax_report_is_recorded_completely_routed_the_same_day_handled_within_fifteen_working_days_and_the_reporter_informed()
    {
        await Departments();
        var order = New("report");
        await Assert.ThrowsAsync<DomainValidationException>(() => order.Open(new WorkOrderOpening(WorkOrderKind.TaxReport, Department, null, Caller, "举报"), Seat));
        var report = new TaxReportDetails("某贸易有限公司", "91310000MA1FL99999", "虚开增值税专用发票", "2026年1-2月", 120_000m, false);
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.TaxReport, Department, "call-7", Caller, "举报虚开发票", report), Seat);
        Assert.Equal((WorkOrderStatus.AwaitingAssignment, Liaison.Name), (opened.Status, opened.Assignee));
        Assert.Equal(await EndOfDay(opened.OpenedAt, 0), opened.Due);
        await order.Attach("evidence.pdf", "application/pdf", 1234, Seat);
        var assigned = await order.Assign(Handler.Name, Liaison);
        Assert.Equal(await EndOfDay(opened.OpenedAt, 15), assigned.Due);
        var handled = await order.Answer("已移交稽查局立案检查。", [], Handler);
        Assert.Equal(WorkOrderStatus.AwaitingReply, handled.Status);
        Assert.Null(handled.KnowledgeEntry); // reports are not knowledge
        var closed = await order.Replied("已告知举报人处理结果", Seat);
        Assert.Equal((WorkOrderStatus.Closed, report), (closed.Status, closed.TaxReport));
        Assert.Equal("evidence.pdf", Assert.Single(closed.Attachments).FileName);
        for (var i = 2; i <= WorkOrderGrain.MaxAttachments; i++)
        {
            await order.Attach($"e{i}.jpg", "image/jpeg", 1, Seat);
        }

        await Assert.ThrowsAsync<RuleViolationException>(() => order.Attach("one-too-many.jpg", "image/jpeg", 1, Seat));
    }

    [Fact]
    public async Task An_integrity_referral_records_only_the_time_and_the_seat()
    {
        var order = New("integrity");
        await Assert.ThrowsAsync<DomainValidationException>(() =>
            order.Open(new WorkOrderOpening(WorkOrderKind.IntegrityReferral, null, "call-3", Caller, "举报某税务干部"), Seat));
        var referred = await New("integrity2").Open(new WorkOrderOpening(WorkOrderKind.IntegrityReferral, null, "call-3", Taxpayer.None, null), Seat);
        Assert.Equal((WorkOrderStatus.Closed, Seat.Name, (string?)null, (string?)null), (referred.Status, referred.Owner, referred.Question, referred.Taxpayer.Phone));
        Assert.Equal(s.Time.GetUtcNow(), referred.OpenedAt);
        Assert.Equal("referred to the discipline-inspection hotline", Assert.Single(referred.Timeline).Text);
        await Assert.ThrowsAsync<RuleViolationException>(() => New("integrity2").Attach("x.txt", "text/plain", 1, Seat));
    }

    [Fact]
    public async Task A_follow_up_that_finds_a_service_fault_opens_a_complaint_even_when_the_taxpayer_is_satisfied()
    {
        await Departments();
        var order = New("hq");
        await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "社保费怎么缴？"), Seat);
        await order.Assign(Handler.Name, Liaison);
        await order.Answer("通过电子税务局缴纳。", [], Handler);
        var closed = await order.Replied("已告知", Seat);
        var followUp = Order(closed.RelatedOrders.Single());

        var pooled = await followUp.Get();
        Assert.Equal((IWorkNoticesGrain.FollowUpPool, AssigneeLevel.FollowUpPool), (pooled.Assignee, pooled.AssigneeLevel)); // never the seat it surveys
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Surveyed(Survey(false), Handler));
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Surveyed(Survey(false), Seat));
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Surveyed(Survey(false), new Actor(Handler.Name, false, SupervisesService: true))); // who answered is surveyed too
        var surveyed = await followUp.Surveyed(Survey(true), Quality);
        Assert.Equal((WorkOrderStatus.Closed, Satisfaction.Satisfied, Quality.Name), (surveyed.Status, surveyed.Survey!.Satisfaction, surveyed.Survey.By));
        var complaint = await Order(surveyed.RelatedOrders.Single()).Get();
        Assert.Equal((WorkOrderKind.ServiceComplaint, WorkOrderStatus.InHand, Quality.Name, Handler.Name, surveyed.OrderId),
            (complaint.Kind, complaint.Status, complaint.Owner, complaint.Against, complaint.SourceOrder));
        Assert.Contains("答复口径前后不一", complaint.Question);
    }

    [Fact]
    public async Task A_grading_correction_becomes_the_agents_callback_order_and_a_knowledge_fix_proposal()
    {
        var agent = s.Id("agent");
        var correction = new Correction(s.Id("call") + ".125", s.Id("call"), agent, "13900001111", 12.5, "小规模纳税人免征额是10万", "月销售额10万元以下（季度30万元）",
            "财政部 税务总局公告2023年第19号", s.Id("grader"), s.Time.GetUtcNow(), await EndOfDay(s.Time.GetUtcNow(), 0), CorrectionStatus.CallbackOpen);
        await CorrectionCallback.Open(Grains, s.Store<ICorrections>(), new CallCenter.CallCenterClock(s.Time, CallCenter.CallCenterClock.FindZone("Asia/Shanghai")), correction);
        var order = Order(CorrectionCallback.OrderId(correction.CorrectionId));
        var opened = await order.Get();
        Assert.Equal((WorkOrderKind.Correction, WorkOrderStatus.InHand, agent, "13900001111"), (opened.Kind, opened.Status, opened.Assignee, opened.Taxpayer.Phone));
        Assert.Equal(correction.CallbackDue, opened.Due);
        var proposal = await Grains.GetGrain<IKnowledgeEntryGrain>("kb-" + opened.OrderId).Get();
        Assert.Equal("月销售额10万元以下（季度30万元）", proposal.Draft!.Answer);
        Assert.Equal([opened.OrderId], proposal.Draft.SourceOrders);

        var done = await order.Replied("已回电更正", new Actor(agent, false));
        Assert.Equal(WorkOrderStatus.Closed, done.Status);
        Assert.Empty(done.RelatedOrders); // a correction's callback has no follow-up
        var listed = await s.Store<ICorrections>().List(null);
        Assert.Equal(CorrectionStatus.CallbackDone, listed.Single(c => c.CorrectionId == correction.CorrectionId).Status);
    }

    [Fact]
    public async Task A_hard_question_transferred_to_another_department_is_routed_afresh_there()
    {
        await Departments();
        var other = s.Id("other");
        await Grains.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(other, "征收管理科", null, s.Id("backup2"), null, []), "test");
        var order = New("hq");
        await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "欠税怎么处理？"), Seat);
        await Assert.ThrowsAsync<NotPermittedException>(() => order.Transfer(other, "x", Seat));
        var moved = await order.Transfer(other, "属于征管业务", Liaison);
        Assert.Equal((other, s.Id("backup2"), AssigneeLevel.Backup, WorkOrderStatus.AwaitingAssignment, Seat.Name),
            (moved.Department, moved.Assignee, moved.AssigneeLevel, moved.Status, moved.Owner));
        Assert.Contains(Liaison.Name, moved.Participants);
    }

    [Fact]
    public async Task A_follow_up_survey_scores_the_recorded_call_so_a_dissatisfied_one_is_over_sampled_for_grading()
    {
        var queue = await s.Queue("q");
        var callId = await s.Arrive(queue);
        var call = await s.Call(callId).Get();
        var day = CallCenterClock(call.Timeline[0].At);
        await s.Store<IRecordedCalls>().Add(new RecordedCall(callId, s.Id("agent"), queue, s.Time.GetUtcNow(), 0, 0), day);
        var followUp = New("visit");
        await followUp.Open(new WorkOrderOpening(WorkOrderKind.FollowUp, null, callId, Caller, "上门辅导后回访"), Seat);
        await followUp.Surveyed(new Survey(Satisfaction.VeryDissatisfied, "答复前后矛盾", false, "纳税人对政策本身不满", null, "", default), Quality);

        var recorded = (await s.Store<IRecordedCalls>().Week(IRecordedCalls.WeekOf(day))).Single(c => c.CallId == callId);
        Assert.Equal(1, recorded.SurveyScore);
        Assert.True(Sampler.Flagged(recorded, new SamplingRule(1, true, 3, 0)));
    }

    [Fact]
    public async Task A_hard_question_transferred_on_the_last_working_day_before_National_Day_is_due_on_the_make_up_Saturday()
    {
        MoveTo(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.FromHours(8)));
        await Departments();
        var order = New("hq");
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "国庆假期后申报期限如何顺延？"), Seat);
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 17, 30, 0, TimeSpan.FromHours(8)), opened.Due); // 当日
        var assigned = await order.Assign(Handler.Name, Liaison);
        Assert.Equal(new DateTimeOffset(2026, 10, 10, 17, 30, 0, TimeSpan.FromHours(8)), assigned.Due); // Oct 8, Oct 9, make-up Saturday Oct 10
    }

    [Fact]
    public async Task A_step_refused_part_way_leaves_the_order_as_it_was_stored()
    {
        await Departments();
        var nobody = s.Id("nobody");
        await Grains.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(nobody, "无人科", null, null, null, []), "test");

        var unrouted = New("unrouted");
        var refused = await Assert.ThrowsAsync<RuleViolationException>(() =>
            unrouted.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, nobody, null, Caller, "谁来答？"), Seat));
        Assert.Contains("no duty officer on shift, no liaison and no backup", refused.Message);
        await Assert.ThrowsAsync<NotConfiguredException>(() => unrouted.Get()); // not half-opened

        var order = New("hq");
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.HardQuestion, Department, null, Caller, "能转去无人科吗？"), Seat);
        await Assert.ThrowsAsync<RuleViolationException>(() => order.Transfer(nobody, "试试", Liaison));
        var after = await order.Get();
        Assert.Equal((Department, Liaison.Name, opened.Timeline.Count), (after.Department, after.Assignee, after.Timeline.Count));
    }

    [Fact]
    public async Task A_very_dissatisfied_survey_without_a_service_fault_goes_to_a_supervisor_whose_review_can_still_open_the_complaint()
    {
        await Departments();
        var followUp = New("visit");
        await followUp.Open(new WorkOrderOpening(WorkOrderKind.FollowUp, Department, null, Caller, "回访"), Seat);
        var surveyed = await followUp.Surveyed(new Survey(Satisfaction.VeryDissatisfied, "态度粗暴，敷衍我", false, "纳税人对罚款本身不满", null, "", default), Quality);
        Assert.Equal((WorkOrderStatus.InHand, IWorkNoticesGrain.Supervisors, AssigneeLevel.Supervisors), (surveyed.Status, surveyed.Assignee, surveyed.AssigneeLevel));
        Assert.Equal(await EndOfDay(s.Time.GetUtcNow(), 1), surveyed.Due);
        Assert.Contains(await Notices(IWorkNoticesGrain.Supervisors), n => n.OrderId == surveyed.OrderId && n.Kind == "review");
        await Assert.ThrowsAsync<IllegalTransitionException>(() => followUp.Surveyed(Survey(false), Quality)); // surveyed once
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Reviewed(true, "x", null, Quality)); // a supervisor reviews
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Reviewed(true, "x", null, new Actor(Seat.Name, true))); // not whoever served

        var reviewed = await followUp.Reviewed(true, "录音显示座席语气生硬、未解答", s.Id("agent-y"), Supervisor);
        Assert.Equal(WorkOrderStatus.Closed, reviewed.Status);
        var complaint = await Order(reviewed.RelatedOrders.Single()).Get();
        Assert.Equal((WorkOrderKind.ServiceComplaint, s.Id("agent-y"), Supervisor.Name), (complaint.Kind, complaint.Against, complaint.Owner));
    }

    [Fact]
    public async Task A_follow_up_that_finds_the_problem_unsolved_passes_it_to_the_department_head_who_closes_it()
    {
        await Departments();
        var followUp = New("visit");
        await followUp.Open(new WorkOrderOpening(WorkOrderKind.FollowUp, Department, null, Caller, "回访"), Seat);
        var surveyed = await followUp.Surveyed(new Survey(Satisfaction.Neutral, "发票仍无法开具", false, null, null, "", default, "system", Unsolved: true), Quality);
        Assert.Equal((WorkOrderStatus.InHand, s.Id("head"), AssigneeLevel.Head), (surveyed.Status, surveyed.Assignee, surveyed.AssigneeLevel));
        Assert.Contains(await Notices(s.Id("head")), n => n.Kind == "unsolved" && n.OrderId == surveyed.OrderId);
        await Assert.ThrowsAsync<NotPermittedException>(() => followUp.Replied("x", Quality));
        var closed = await followUp.Replied("已协调信息中心修复，电话告知纳税人", new Actor(s.Id("head"), false));
        Assert.Equal(WorkOrderStatus.Closed, closed.Status);
        Assert.Empty(closed.RelatedOrders); // a follow-up gets no follow-up of its own
    }

    [Fact]
    public async Task An_anonymous_tax_report_keeps_no_reporter_and_gets_no_follow_up()
    {
        await Departments();
        var order = New("anonymous");
        var report = new TaxReportDetails("某餐饮有限公司", "91310000MA1FL88888", "不开发票", null, null, Anonymous: true);
        var opened = await order.Open(new WorkOrderOpening(WorkOrderKind.TaxReport, Department, null, Caller, "举报不开发票", report), Seat);
        Assert.Equal(Taxpayer.None, opened.Taxpayer);
        await order.Assign(Handler.Name, Liaison);
        await order.Answer("已转稽查。", [], Handler);
        var closed = await order.Replied("匿名举报，无需告知", Seat);
        Assert.Empty(closed.RelatedOrders);
        Assert.Equal("anonymous", closed.Timeline.Single(t => t.Action == "no follow-up").Args!["reason"]);
    }

    [Fact]
    public async Task A_follow_up_is_never_assigned_to_the_seat_that_opened_it()
    {
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            New("self").Open(new WorkOrderOpening(WorkOrderKind.FollowUp, null, null, Caller, "回访", Assignee: Seat.Name), Seat));
        Assert.Equal("assignee", refused.Field);
    }

    private Survey Survey(bool fault) =>
        new(Satisfaction.Satisfied, null, fault, fault ? "答复口径前后不一" : null, null, "", default);

    private IWorkOrderGrain New(string name) => Grains.GetGrain<IWorkOrderGrain>(s.Id(name));

    private IWorkOrderGrain Order(string orderId) => Grains.GetGrain<IWorkOrderGrain>(orderId);

    private Task Departments() =>
        Grains.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(Department, "测试科", Liaison.Name, s.Id("backup"), s.Id("head"), [Handler.Name]), "test");

    private async Task<DateTimeOffset> EndOfDay(DateTimeOffset from, int days) =>
        (await Grains.GetGrain<ICalendarGrain>("CN").EndOfWorkingDay(from, days)).At;

    private async Task<IReadOnlyList<WorkNotice>> Notices(string person) => await Grains.GetGrain<IWorkNoticesGrain>(person).List();

    private static DateOnly CallCenterClock(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, CallCenter.CallCenterClock.FindZone("Asia/Shanghai")).DateTime);

    private void MoveTo(DateTimeOffset at)
    {
        if (at > s.Time.GetUtcNow())
        {
            s.Time.SetUtcNow(at);
        }
    }
}
