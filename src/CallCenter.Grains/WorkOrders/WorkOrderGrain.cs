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
        if (opening.TaxReport is { Anonymous: true })
        {
            opening = opening with { Taxpayer = Taxpayer.None };
        }

        if (opening.Kind == WorkOrderKind.FollowUp)
        {
            // Whoever opens a follow-up served the taxpayer: they never make the call themselves.
            opening = opening with { NotBy = [.. (opening.NotBy ?? []).Append(by.Name).Distinct()] };
            if (opening.Assignee is { } caller && opening.NotBy.Contains(caller))
            {
                throw new DomainValidationException("assignee", "A follow-up never goes to the seat whose service it surveys: leave it to the follow-up pool or name someone else.");
            }
        }

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
            case WorkOrderKind.OnSite:
                await Dispatch(opening, by);
                break;
            case WorkOrderKind.FollowUp:
                var caller = opening.Assignee ?? IWorkNoticesGrain.FollowUpPool;
                await Hand(caller, caller == IWorkNoticesGrain.FollowUpPool ? AssigneeLevel.FollowUpPool : AssigneeLevel.Seat, DeadlineStage.Handle, S.OpenedAt);
                await Tell([caller], "task", $"{Describe()} is yours: {opening.Question}", args: [("question", opening.Question ?? "")]);
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
        if (S.Finding is not null)
        {
            throw new IllegalTransitionException("Work order", Id, "Judged", "be resolved");
        }

        if (!by.JudgesService)
        {
            throw new NotPermittedException("Whether a complaint is valid is decided by a service-supervision officer (服务监督人员) or a supervisor, not by the seats.");
        }

        if (S.Opening!.Severity >= limits.Value.SupervisorDecidesFrom && !by.Supervises)
        {
            throw new NotPermittedException($"A {S.Opening.Severity} complaint is decided by a supervisor (分级负责).");
        }

        var atFault = finding.AtFault ?? S.Opening!.Against;
        if (by.Name == S.Opening!.Against || by.Name == atFault || by.Name == S.Owner)
        {
            throw new NotPermittedException("Nobody judges a complaint that names them or that they received: another service-supervision officer or supervisor decides it.");
        }

        if (finding.Valid && string.IsNullOrWhiteSpace(atFault))
        {
            throw new DomainValidationException("atFault", "A valid complaint names the person at fault.");
        }

        if (finding.Valid && finding.Cause is null)
        {
            throw new DomainValidationException("cause", "A valid complaint names its cause from the list, for the monthly analysis.");
        }

        if (finding.Valid && finding.Actions is not { Count: > 0 })
        {
            throw new DomainValidationException("actions", "A valid complaint lists its corrective actions (整改措施), each with an owner and a due date.");
        }

        Finish();
        S.Finding = finding with { AtFault = finding.Valid ? atFault : finding.AtFault };
        if (finding.Valid)
        {
            await quality.Vetoed(CallCenterClock.MonthKey(clock.Today), new Veto(Id, atFault!, clock.Now, S.Opening!.Question ?? ""));
            await Tell([atFault!], "veto", $"{Describe()} was found valid against you: {finding.Resolution}", args: [("resolution", finding.Resolution ?? "")]);

            // Follow-through: the complaint stays with whoever judged it until every corrective action is verified.
            Log(by.Name, "judged", finding.Resolution, ("valid", "true"), ("apology", finding.Apology ? "true" : "false"), ("cause", finding.Cause ?? ""));
            var last = finding.Actions!.Max(a => a.Due);
            await Hand(by.Name, AssigneeLevel.ServiceSupervision, DeadlineStage.Verify, clock.At(last, TimeOnly.MinValue));
            foreach (var (action, number) in finding.Actions!.Select((a, i) => (a, i + 1)))
            {
                await Tell([action.Owner], "corrective-action", $"{Describe()}: corrective action {number} is yours by {action.Due:yyyy-MM-dd}: {action.Description}",
                    args: [("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("due", action.Due.ToString("yyyy-MM-dd")), ("action", action.Description)]);
            }
        }
        else
        {
            Close(by.Name, $"not valid: {finding.Resolution}");
            await FollowUp();
        }

        return await Saved(by.Name, "resolve", S.Finding.Valid ? $"valid, at fault: {atFault}" : "not valid");
    });

    Task<WorkOrderView> IWorkOrderGrain.ActionVerified(int number, string note, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.ServiceComplaint);
        Expect("verify a corrective action", WorkOrderStatus.InHand);
        if (S.Finding?.Actions is not { Count: > 0 } actions)
        {
            throw new RuleViolationException("The complaint has not been judged valid with corrective actions yet.");
        }

        if (!by.JudgesService)
        {
            throw new NotPermittedException("Corrective actions are verified by service supervision (服务监督) or a supervisor.");
        }

        if (by.Name == S.Opening!.Against || by.Name == S.Finding.AtFault)
        {
            throw new NotPermittedException("Nobody verifies the corrective actions of a complaint against them.");
        }

        if (number < 1 || number > actions.Count || S.ActionChecks.Any(c => c.Number == number))
        {
            throw new DomainValidationException("number", $"Corrective actions are numbered 1 to {actions.Count}; each is verified once ({string.Join(", ", S.ActionChecks.Select(c => c.Number))} done).");
        }

        S.ActionChecks.Add(new ActionCheck(number, by.Name, clock.Now, note));
        Log(by.Name, "action verified", $"{number}: {note}", ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("note", note));
        if (S.ActionChecks.Count == actions.Count)
        {
            Finish();
            Close(by.Name, $"valid: {S.Finding.Resolution}; every corrective action verified");
            await FollowUp();
        }

        return await Saved(by.Name, "verify", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    Task<WorkOrderView> IWorkOrderGrain.Replied(string note, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.TaxReport, WorkOrderKind.Correction, WorkOrderKind.FollowUp);
        Expect("be replied to", Kind is WorkOrderKind.Correction or WorkOrderKind.FollowUp ? WorkOrderStatus.InHand : WorkOrderStatus.AwaitingReply);
        if (Kind == WorkOrderKind.FollowUp && !(S.Survey?.Unsolved == true && S.Level is AssigneeLevel.Head or AssigneeLevel.Supervisors))
        {
            throw new RuleViolationException("A follow-up is replied to only when its survey found the problem unsolved and passed it to the head.");
        }

        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the seat the order is with (or a supervisor) replies to the taxpayer.");
        Finish();
        Close(by.Name, note);
        if (Kind == WorkOrderKind.Correction && S.Opening!.SourceOrder is { } correction)
        {
            await corrections.CallbackDone(correction);
            await Audit.Record(GrainFactory, clock, by.Name, "correction-callback-done", $"call:{S.Opening.CallId}", correction);
        }
        else if (Kind != WorkOrderKind.FollowUp)
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
        if (S.Survey is not null)
        {
            throw new IllegalTransitionException("Work order", Id, "Surveyed", "take a survey");
        }

        Permit(by, by.Name == S.Assignee || Escalated(by.Name) || (S.Level == AssigneeLevel.FollowUpPool && by.JudgesService),
            "Only the person the follow-up is assigned to, a service-supervision officer of the follow-up pool, or a supervisor records its survey.");
        RefuseSurveyed(by);
        Finish();
        S.Survey = survey with { By = by.Name, At = clock.Now };
        await ScoreCall(survey.Satisfaction);
        if (survey.ServiceFault)
        {
            await OpenComplaint(survey.FaultDescription, survey.AtFault, by);
        }

        if (survey.Unsolved)
        {
            // 转交上级领导: the taxpayer's problem is still there, so the department's head takes it on (supervisors if none).
            var head = (await WorkOrderRouting.Find(GrainFactory, S.Department))?.Head;
            Log(by.Name, "passed to the head", survey.Reason, ("to", head ?? ""));
            await Hand(head ?? IWorkNoticesGrain.Supervisors, head is null ? AssigneeLevel.Supervisors : AssigneeLevel.Head, DeadlineStage.Handle, clock.Now);
            await Tell(head is null ? [] : [head], "unsolved", $"{Describe()}: the follow-up found the taxpayer's problem unsolved: {survey.Reason}",
                supervisors: head is null, args: [("reason", survey.Reason ?? "")]);
        }
        else if (!survey.ServiceFault && survey.Satisfaction is Satisfaction.Dissatisfied or Satisfaction.VeryDissatisfied)
        {
            Log(by.Name, "review requested", survey.FaultDescription, ("reason", survey.FaultDescription ?? ""));
            await Hand(IWorkNoticesGrain.Supervisors, AssigneeLevel.Supervisors, DeadlineStage.Review, clock.Now, finishing: false);
            await Tell([], "review", $"{Describe()}: the taxpayer was {survey.Satisfaction} and no service fault was found; review it by {Local(S.Due!.Value)}.",
                supervisors: true, args: [("satisfaction", survey.Satisfaction.ToString()), ("due", S.Due!.Value.ToString("O"))]);
        }
        else
        {
            Close(by.Name, $"{survey.Satisfaction}{(survey.Reason is { } r ? ": " + r : "")}");
        }

        return await Saved(by.Name, "survey", survey.Satisfaction.ToString());
    });

    Task<WorkOrderView> IWorkOrderGrain.Reviewed(bool serviceFault, string note, string? atFault, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.FollowUp);
        if (S.Status != WorkOrderStatus.InHand || S.Level != AssigneeLevel.Supervisors || S.Survey is null)
        {
            throw new IllegalTransitionException("Work order", Id, S.Status.ToString(), "be reviewed");
        }

        if (!by.Supervises)
        {
            throw new NotPermittedException("A survey that found no service fault for a dissatisfied taxpayer is reviewed by a supervisor.");
        }

        RefuseSurveyed(by);
        Finish();
        Close(by.Name, $"{(serviceFault ? "review: service fault" : "review: no service fault")}: {note}");
        if (serviceFault)
        {
            await OpenComplaint(note, atFault, by);
        }

        return await Saved(by.Name, "review", serviceFault ? "service fault" : "no service fault");
    });

    /// <summary>Nobody records or reviews the survey of their own service.</summary>
    private void RefuseSurveyed(Actor by)
    {
        if (S.Opening!.NotBy?.Contains(by.Name) == true)
        {
            throw new NotPermittedException("A follow-up is never made or reviewed by someone whose service it surveys.");
        }
    }

    /// <summary>The follow-up found a service fault: a complaint against the person at fault (or who answered the source order).</summary>
    private async Task OpenComplaint(string? fault, string? atFault, Actor by)
    {
        var complaint = Id + "-c";
        var against = atFault ?? await SourceHandler();
        await GrainFactory.GetGrain<IWorkOrderGrain>(complaint).Open(new WorkOrderOpening(
            WorkOrderKind.ServiceComplaint, S.Department, S.Opening!.CallId, S.Opening.Taxpayer,
            $"回访发现服务问题: {fault}", Severity: ComplaintSeverity.General, Against: against, SourceOrder: Id), by);
        S.Related.Add(complaint);
        Log(by.Name, "complaint opened", complaint);
    }

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

    Task<WorkOrderView> IWorkOrderGrain.Guided(int minutes, string note, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.HardQuestion, WorkOrderKind.FollowUp, WorkOrderKind.Correction);
        Permit(by, S.Participants.Contains(by.Name) || Escalated(by.Name), "Only someone working on the order records the guidance given on it.");
        if (minutes is < 1 or > 600)
        {
            throw new DomainValidationException("minutes", "Guidance is recorded in minutes, 1 to 600 at a time.");
        }

        S.GuidanceMinutes += minutes;
        Log(by.Name, "guided", note, ("minutes", minutes.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("note", note));
        return await Saved(by.Name, "guidance", $"{minutes} min");
    });

    Task<WorkOrderView> IWorkOrderGrain.Fixed(string note, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.OnSite);
        Expect("be fixed", WorkOrderStatus.InHand);
        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the engineer sent (or a supervisor) reports the fault fixed.");
        if (S.FixedAt is not null)
        {
            throw new IllegalTransitionException("Work order", Id, "Fixed", "be fixed");
        }

        Finish();
        S.FixedAt = clock.Now;
        Log(by.Name, "fixed", note);
        await StartStage(DeadlineStage.VisitRecord, clock.Now);
        return await Saved(by.Name, "fixed");
    });

    Task<WorkOrderView> IWorkOrderGrain.VisitRecorded(string record, Actor by) => Step(async () =>
    {
        await CatchUp();
        Expect(WorkOrderKind.OnSite);
        Expect("take the visit record", WorkOrderStatus.InHand);
        Permit(by, by.Name == S.Assignee || Escalated(by.Name), "Only the engineer sent (or a supervisor) enters the visit record.");
        if (S.FixedAt is null)
        {
            throw new RuleViolationException("Report the fault fixed first: the visit record follows the fix.");
        }

        Finish();
        S.VisitRecord = record;
        Close(by.Name, record);
        await FollowUp();
        return await Saved(by.Name, "visit-record");
    });

    /// <summary>
    /// 上门服务 only after phone guidance did not solve it: the source order must carry at least the configured minutes
    /// of recorded guidance. The engineer holds the order; the fix is due within a working day of dispatch.
    /// </summary>
    private async Task Dispatch(WorkOrderOpening opening, Actor by)
    {
        WorkOrderView source;
        try
        {
            source = await GrainFactory.GetGrain<IWorkOrderGrain>(opening.SourceOrder!).Get();
        }
        catch (NotConfiguredException)
        {
            throw new DomainValidationException("sourceOrder", $"There is no work order '{opening.SourceOrder}' to dispatch on-site service from.");
        }

        var needed = limits.Value.OnSiteGuidanceMinutes;
        if (source.GuidanceMinutes < needed)
        {
            throw new RuleViolationException(
                $"On-site service is dispatched only after at least {needed} minutes of phone guidance have not solved the problem (上门服务须先电话辅导); order {source.OrderId} records {source.GuidanceMinutes}.");
        }

        // The taxpayer and the call are the source order's: the visit, and its follow-up, are for the same person.
        S.Department = source.Department;
        S.Opening = opening with
        {
            Taxpayer = opening.Taxpayer == Taxpayer.None ? source.Taxpayer : opening.Taxpayer,
            CallId = opening.CallId ?? source.CallId,
        };
        var engineer = opening.Dispatch!.Engineer;
        await Hand(engineer, AssigneeLevel.Handler, DeadlineStage.Handle, S.OpenedAt);
        Log(by.Name, "dispatched", $"{engineer} · {opening.Dispatch.Address} · {Local(opening.Dispatch.AgreedAt)}",
            ("engineer", engineer), ("address", opening.Dispatch.Address), ("agreedAt", opening.Dispatch.AgreedAt.ToString("O")));
        await Tell([engineer], "task", $"{Describe()} is yours: {opening.Question}", args: [("question", opening.Question ?? "")]);
    }

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

    async Task<bool> IWorkOrderGrain.HandOver(string from, string to, string shift)
    {
        Opened();
        await CatchUp();
        if (S.Status == WorkOrderStatus.Closed || S.Assignee != from || from == to)
        {
            return false;
        }

        await Step(async () =>
        {
            // The stage keeps its clock: handing over at the end of a shift does not buy the order time.
            (S.Assignee, S.Level) = (to, AssigneeLevel.DutyOfficer);
            if (!S.Participants.Contains(to))
            {
                S.Participants.Add(to);
            }

            Log("system", "handed over", $"{from} → {to} ({shift})", ("from", from), ("to", to), ("shift", shift));
            await Tell([from, to], "handed-over", $"{Describe()} passed from {from} to {to} at the duty handover.", args: [("from", from), ("to", to)]);
            return await Saved("system", "handover", $"{from} → {to}");
        });
        return true;
    }

    Task IWorkOrderGrain.RecountDeadline() => Step(async () =>
    {
        if (S.Opening is null || S.Status == WorkOrderStatus.Closed || S.ProvisionalYears.Count == 0 || S.Stage is not { } stage || S.StageFrom is not { } from)
        {
            return View();
        }

        var was = S.Due!.Value;
        var years = string.Join(", ", S.ProvisionalYears);
        var deadline = await Deadline(stage, from);
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
