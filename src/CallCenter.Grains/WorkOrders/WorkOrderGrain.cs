namespace CallCenter.WorkOrders;

/// <summary>
/// One order and its rules per kind. Each status runs one clock (see <see cref="WorkOrderStatus"/>); a durable
/// reminder wakes the order at "due soon" and "overdue", and every call catches up first, so a missed reminder
/// (or a test's fixed clock) never skips a milestone.
/// </summary>
[GrainType("work-order")]
public sealed partial class WorkOrderGrain(
    [PersistentState("work-order", StorageNames.Grains)] IPersistentState<WorkOrderRecord> order,
    CallCenterClock clock,
    IOptions<WorkOrderLimits> limits,
    IRecordedCalls recordings,
    IQualityRecords quality,
    ICorrections corrections,
    IWorkOrderSummaries summaries) : Grain, IWorkOrderGrain, IRemindable
{
    private const string ClockReminder = "work-order-clock";

    public const int MaxAttachments = 20;

    private WorkOrderRecord S => order.State;

    private string Id => this.GetPrimaryKeyString();

    private WorkOrderKind Kind => S.Opening!.Kind;

    Task<WorkOrderView> IWorkOrderGrain.Open(WorkOrderOpening opening, Actor by) => Step(async () =>
    {
        if (S.Opening is not null)
        {
            return View();
        }

        Check(opening);
        S.Opening = opening;
        S.Owner = by.Name;
        S.Department = opening.Department;
        S.OpenedAt = clock.Now;
        S.Participants.Add(by.Name);
        if (opening.Kind == WorkOrderKind.IntegrityReferral)
        {
            Log(by.Name, "opened", "referred to the discipline-inspection hotline", ("referral", "hotline"));
        }
        else
        {
            Log(by.Name, "opened", opening.Question);
        }

        switch (opening.Kind)
        {
            case WorkOrderKind.HardQuestion or WorkOrderKind.TaxReport:
                await Route(opening.Department!, by.Name);
                break;
            case WorkOrderKind.IntegrityReferral:
                S.Status = WorkOrderStatus.Closed;
                S.ClosedAt = clock.Now;
                break;
            default:
                var assignee = opening.Kind == WorkOrderKind.ServiceComplaint ? by.Name : opening.Assignee ?? by.Name;
                await Hand(assignee, AssigneeLevel.Seat, DeadlineStage.Handle, S.OpenedAt);
                if (assignee != by.Name)
                {
                    await Tell([assignee], "task", $"{Describe()} is yours: {opening.Question}", args: [("question", opening.Question ?? "")]);
                }

                break;
        }

        return await Saved(by.Name, "open");
    });

    Task<WorkOrderView> IWorkOrderGrain.Assign(string handler, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.TaxReport);
        Expect("assign a handler", WorkOrderStatus.AwaitingAssignment, WorkOrderStatus.InHand);
        var department = await WorkOrderRouting.Department(GrainFactory, S.Department!);
        Permit(by, by.Name == S.Assignee || department.Manages(by.Name) || Escalated(by.Name),
            "Only the order's assignee, the department's liaison, backup or head, or a supervisor assigns a handler.");
        if (!department.HasMember(handler))
        {
            throw new DomainValidationException("handler", $"'{handler}' is not a handler of {department.Name}.");
        }

        var wasAssigning = S.Status == WorkOrderStatus.AwaitingAssignment;
        await Hand(handler, AssigneeLevel.Handler, DeadlineStage.Handle, S.OpenedAt, finishing: wasAssigning);
        Log(by.Name, "assigned", handler);
        await Tell([handler], "assigned", $"{Describe()} was assigned to you by {by.Name}.", args: [("by", by.Name)]);
        return await Saved(by.Name, "assign", handler);
    });

    Task<WorkOrderView> IWorkOrderGrain.Transfer(string department, string reason, Actor by) => Step(async () =>
    {
        await CatchUp();
        if (Kind == WorkOrderKind.ServiceComplaint)
        {
            throw new RuleViolationException("A service complaint cannot be transferred: the person who first received it handles it to the end (首问负责).");
        }

        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.TaxReport);
        Expect("be transferred", WorkOrderStatus.AwaitingAssignment, WorkOrderStatus.InHand);
        var current = await WorkOrderRouting.Department(GrainFactory, S.Department!);
        Permit(by, by.Name == S.Assignee || current.Manages(by.Name) || Escalated(by.Name),
            "Only the order's assignee, the department's liaison, backup or head, or a supervisor transfers it.");
        if (department == S.Department)
        {
            throw new DomainValidationException("department", $"The order is already with {current.Name}.");
        }

        Finish();
        S.Department = department;
        Log(by.Name, "transferred", $"to {department}: {reason}", ("department", department), ("reason", reason));
        await Route(department, by.Name);
        return await Saved(by.Name, "transfer", $"{department}: {reason}");
    });

    Task<WorkOrderView> IWorkOrderGrain.Answer(string answer, IReadOnlyList<string> policyReferences, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.TaxReport);
        Expect("be answered", WorkOrderStatus.AwaitingAssignment, WorkOrderStatus.InHand);
        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the person the order is with (or a supervisor) answers it.");
        Finish();
        S.Answer = answer;
        Log(by.Name, "answered", answer);
        if (Kind == WorkOrderKind.HardQuestion)
        {
            await DraftKnowledge(answer, policyReferences, by.Name);
        }

        await Hand(S.Owner, AssigneeLevel.Seat, DeadlineStage.Reply, clock.Now, status: WorkOrderStatus.AwaitingReply);
        await Tell([S.Owner], "answered", $"{Describe()} was answered by {by.Name}: reply to the taxpayer by {Local(S.Due!.Value)}.",
            args: [("by", by.Name), ("due", S.Due!.Value.ToString("O"))]);
        return await Saved(by.Name, "answer");
    });

    Task<WorkOrderView> IWorkOrderGrain.Resolve(ComplaintFinding finding, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.ServiceComplaint);
        Expect("be resolved", WorkOrderStatus.InHand);
        Permit(by, by.Name == S.Owner || by.Supervises, "A complaint is resolved by the person who received it (首问负责) or a supervisor.");
        var atFault = finding.AtFault ?? S.Opening!.Against;
        if (finding.Valid && string.IsNullOrWhiteSpace(atFault))
        {
            throw new DomainValidationException("atFault", "A valid complaint names the person at fault.");
        }

        Finish();
        S.Finding = finding with { AtFault = finding.Valid ? atFault : finding.AtFault };
        Close(by.Name, $"{(finding.Valid ? "valid" : "not valid")}: {finding.Resolution}");
        if (finding.Valid)
        {
            await quality.Vetoed(CallCenterClock.MonthKey(clock.Today), new Veto(Id, atFault!, clock.Now, S.Opening!.Question ?? ""));
            await Tell([atFault!], "veto", $"{Describe()} was found valid against you: {finding.Resolution}", args: [("resolution", finding.Resolution ?? "")]);
        }

        await FollowUp();
        return await Saved(by.Name, "resolve", S.Finding.Valid ? $"valid, at fault: {atFault}" : "not valid");
    });

    Task<WorkOrderView> IWorkOrderGrain.Replied(string note, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.TaxReport, WorkOrderKind.Correction);
        Expect("be replied to", Kind == WorkOrderKind.Correction ? WorkOrderStatus.InHand : WorkOrderStatus.AwaitingReply);
        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the seat the order is with (or a supervisor) replies to the taxpayer.");
        Finish();
        Close(by.Name, note);
        if (Kind == WorkOrderKind.Correction && S.Opening!.SourceOrder is { } correction)
        {
            await corrections.CallbackDone(correction);
            await Audit.Record(GrainFactory, clock, by.Name, "correction-callback-done", $"call:{S.Opening.CallId}", correction);
        }
        else
        {
            await FollowUp();
        }

        return await Saved(by.Name, "reply");
    });

    Task<WorkOrderView> IWorkOrderGrain.Surveyed(Survey survey, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.FollowUp);
        Expect("take a survey", WorkOrderStatus.InHand);
        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the seat making the follow-up (or a supervisor) records its survey.");
        Finish();
        S.Survey = survey with { By = by.Name, At = clock.Now };
        Close(by.Name, $"{survey.Satisfaction}{(survey.Reason is { } r ? ": " + r : "")}");
        await ScoreCall(survey.Satisfaction);
        if (survey.ServiceFault)
        {
            var complaint = Id + "-c";
            var against = survey.AtFault ?? await SourceHandler();
            await GrainFactory.GetGrain<IWorkOrderGrain>(complaint).Open(new WorkOrderOpening(
                WorkOrderKind.ServiceComplaint, S.Department, S.Opening!.CallId, S.Opening.Taxpayer,
                $"回访发现服务问题: {survey.FaultDescription}", Severity: ComplaintSeverity.General, Against: against, SourceOrder: Id), by);
            S.Related.Add(complaint);
            Log(by.Name, "complaint opened", complaint);
        }

        return await Saved(by.Name, "survey", survey.Satisfaction.ToString());
    });

    Task<WorkOrderView> IWorkOrderGrain.Comment(string text, Actor by) => Step(async () =>
    {
        Opened();
        Log(by.Name, "comment", text);
        if (!S.Participants.Contains(by.Name))
        {
            S.Participants.Add(by.Name);
        }

        return await Saved(by.Name, "comment", text);
    });

    Task<WorkOrderView> IWorkOrderGrain.Attach(string fileName, string contentType, long bytes, Actor by) => Step(async () =>
    {
        Opened();
        if (Kind == WorkOrderKind.IntegrityReferral)
        {
            throw new RuleViolationException("An integrity referral records no content.");
        }

        if (S.Attachments.Count >= MaxAttachments)
        {
            throw new RuleViolationException($"An order has at most {MaxAttachments} attachments.");
        }

        var attachment = new Attachment(S.Attachments.Count + 1, fileName, contentType, bytes, by.Name, clock.Now);
        S.Attachments.Add(attachment);
        Log(by.Name, "attached", fileName);
        return await Saved(by.Name, "attach", fileName);
    });

    async Task<WorkOrderView> IWorkOrderGrain.Get()
    {
        Opened();
        await CatchUp();
        return View();
    }

    Task IWorkOrderGrain.RecountDeadline() => Step(async () =>
    {
        if (S.Opening is null || S.Status == WorkOrderStatus.Closed || S.ProvisionalYears.Count == 0 || S.Stage is not { } stage || S.StageFrom is not { } from)
        {
            return View();
        }

        var was = S.Due!.Value;
        var years = string.Join(", ", S.ProvisionalYears);
        var deadline = await GrainFactory.GetGrain<ICalendarGrain>("CN").EndOfWorkingDay(from, Deadlines.WorkingDays(Kind, stage, limits.Value));
        (S.Due, S.ProvisionalYears) = (deadline.At, [.. deadline.ProvisionalYears ?? []]);
        if (deadline.At != was)
        {
            // A later deadline may not be due soon or overdue any more; an earlier one is caught up by the next call or reminder.
            S.DueSoonTold &= clock.Now >= deadline.At.AddMinutes(-limits.Value.DueSoonMinutes);
            S.OverdueTold &= clock.Now > deadline.At;
        }

        Log("system", "deadline recounted", $"{years} loaded: due {Local(was)} → {Local(deadline.At)}",
            ("years", years), ("was", was.ToString("O")), ("due", deadline.At.ToString("O")));
        await ArmClock();
        return await Saved("system", "deadline");
    });

    /// <summary>A step either completes or leaves the order as it was stored: a refusal part-way restores the stored state.</summary>
    private async Task<WorkOrderView> Step(Func<Task<WorkOrderView>> step)
    {
        try
        {
            return await step();
        }
        catch
        {
            told.Clear();
            await order.ReadStateAsync();
            throw;
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Opening is not null)
        {
            await CatchUp();
        }

        if (S.Opening is null || S.Status == WorkOrderStatus.Closed || S.OverdueTold)
        {
            await StopClock();
        }
    }
}
