namespace CallCenter.WorkOrders;

/// <summary>The parts every step shares: rules, clocks, routing, timeline, lists, notices and the live feed.</summary>
public sealed partial class WorkOrderGrain
{
    /// <summary>The notices of the step in progress; the last one travels with the live change.</summary>
    private readonly List<WorkNotice> told = [];

    private static void Check(WorkOrderOpening o)
    {
        var content = o.Question is not null || o.TaxReport is not null || o.Taxpayer != Taxpayer.None || o.Department is not null;
        switch (o.Kind)
        {
            case WorkOrderKind.IntegrityReferral when content || o.CallId is null:
                throw new DomainValidationException("kind", "An integrity referral records only that the call was referred (time and seat): give the call id and no content.");
            case WorkOrderKind.HardQuestion or WorkOrderKind.TaxReport when o.Department is null:
                throw new DomainValidationException("department", "Choose the department that should answer.");
            case WorkOrderKind.OnSite when o.SourceOrder is null || o.Dispatch is null:
                throw new DomainValidationException(o.SourceOrder is null ? "sourceOrder" : "dispatch",
                    "On-site service is dispatched from the order whose phone guidance did not solve the problem, with a dispatch record (engineer, address, agreed time).");
            case WorkOrderKind.TaxReport when o.TaxReport is null:
                throw new DomainValidationException("taxReport", "A tax report is recorded completely: who is reported and for what.");
            case WorkOrderKind.ServiceComplaint when o.Severity is null:
                throw new DomainValidationException("severity", "Classify the complaint: General, Serious or Grave.");
            case not WorkOrderKind.IntegrityReferral when string.IsNullOrWhiteSpace(o.Question):
                throw new DomainValidationException("question", "Write down the taxpayer's question or matter.");
        }
    }

    private void Opened()
    {
        if (S.Opening is null)
        {
            throw new NotConfiguredException("Work order", Id);
        }
    }

    private void Expect(params WorkOrderKind[] kinds)
    {
        Opened();
        if (!kinds.Contains(Kind))
        {
            throw new RuleViolationException($"That step is not part of a {Kind} order.");
        }
    }

    private void Expect(string action, params WorkOrderStatus[] statuses)
    {
        if (!statuses.Contains(S.Status))
        {
            throw new IllegalTransitionException("Work order", Id, S.Status.ToString(), action);
        }
    }

    private static void Permit(Actor by, bool allowed, string reason)
    {
        if (!allowed && !by.Supervises)
        {
            throw new NotPermittedException(reason);
        }
    }

    /// <summary>Someone the overdue order was escalated to may act for the assignee.</summary>
    private bool Escalated(string person) => S.Timeline.Any(t => t.Action == "escalated" && t.Text == person);

    private async Task Route(string departmentId, string by)
    {
        var department = await WorkOrderRouting.Department(GrainFactory, departmentId);
        var (person, level) = await WorkOrderRouting.Receiver(GrainFactory, department);
        await Hand(person, level, DeadlineStage.Assign, clock.Now, status: WorkOrderStatus.AwaitingAssignment);
        Log(by, "routed", $"{department.Name}: {person} ({level})", ("department", department.Name), ("person", person), ("level", level.ToString()));
        await Tell([person], "arrived", $"{Describe()} arrived for {department.Name}: assign a handler or answer by {Local(S.Due!.Value)}.",
            args: [("department", department.Name), ("due", S.Due!.Value.ToString("O"))]);
    }

    /// <summary>The order passes to someone for a stage, whose clock starts at <paramref name="from"/>.</summary>
    private async Task Hand(string person, AssigneeLevel level, DeadlineStage stage, DateTimeOffset from,
        WorkOrderStatus status = WorkOrderStatus.InHand, bool finishing = false)
    {
        if (finishing)
        {
            Finish();
        }

        S.Assignee = person;
        S.Level = level;
        S.Status = status;
        if (!person.StartsWith('@') && !S.Participants.Contains(person))
        {
            S.Participants.Add(person);
        }

        await StartStage(stage, from);
    }

    /// <summary>Starts the clock of <paramref name="stage"/> counted from <paramref name="from"/>.</summary>
    private async Task StartStage(DeadlineStage stage, DateTimeOffset from)
    {
        var deadline = await Deadline(stage, from);
        (S.Stage, S.StageFrom, S.Due, S.ProvisionalYears) = (stage, from, deadline.At, [.. deadline.ProvisionalYears ?? []]);
        S.DueSoonTold = S.OverdueTold = false;
        await ArmClock();
    }

    /// <summary>When <paramref name="stage"/>, counted from <paramref name="from"/>, is due on the calendar as it is now.</summary>
    private Task<WorkingDeadline> Deadline(DeadlineStage stage, DateTimeOffset from) =>
        GrainFactory.GetGrain<ICalendarGrain>("CN").EndOfWorkingDay(from, Deadlines.WorkingDays(Kind, stage, limits.Value, S.Opening!.Severity));

    /// <summary>The reminder wakes the order at its next milestone; once overdue is told, nothing is left until the next stage.</summary>
    private async Task ArmClock()
    {
        if (S.Status == WorkOrderStatus.Closed || S.Due is null || S.OverdueTold)
        {
            await StopClock();
            return;
        }

        await this.RegisterOrUpdateReminder(ClockReminder, Until(NextMilestone()), TimeSpan.FromMinutes(1));
    }

    /// <summary>The stage in hand is over: counted late if past its deadline.</summary>
    private void Finish()
    {
        if (S.Due is { } due && clock.Now > due)
        {
            S.LateStages++;
        }
    }

    private void Close(string by, string note)
    {
        S.Status = WorkOrderStatus.Closed;
        S.ClosedAt = clock.Now;
        S.Due = null;
        S.ProvisionalYears.Clear();
        Log(by, "closed", note);
    }

    /// <summary>A closed hard question, tax report or complaint gets its follow-up call within the follow-up limit.</summary>
    private async Task FollowUp()
    {
        if (S.Opening!.TaxReport is { Anonymous: true })
        {
            Log("system", "no follow-up", "anonymous report: the reporter is not contacted", ("reason", "anonymous"));
            return;
        }

        if (S.Opening.Taxpayer.Phone is null)
        {
            Log("system", "no follow-up", "no phone number to call back", ("reason", "no-phone"));
            return;
        }

        // The follow-up pool calls, never the people whose service the taxpayer is asked about.
        var followUp = Id + "-f";
        var served = new[] { S.Owner, S.Timeline.LastOrDefault(t => t.Action == "answered")?.Actor, S.Opening.Against, S.Finding?.AtFault }.OfType<string>().Distinct().ToArray();
        await GrainFactory.GetGrain<IWorkOrderGrain>(followUp).Open(new WorkOrderOpening(
            WorkOrderKind.FollowUp, S.Department, S.Opening.CallId, S.Opening.Taxpayer, $"回访: {S.Opening.Question}",
            SourceOrder: Id, NotBy: served), new Actor(S.Owner, false));
        S.Related.Add(followUp);
    }

    /// <summary>Who answered (or was found at fault in) the order a follow-up is about: the person at fault when the survey names no one.</summary>
    private async Task<string?> SourceHandler()
    {
        if (S.Opening!.SourceOrder is not { } sourceId || sourceId == Id)
        {
            return null;
        }

        var source = await GrainFactory.GetGrain<IWorkOrderGrain>(sourceId).Get();
        return source.Timeline.LastOrDefault(t => t.Action == "answered")?.Actor ?? source.Finding?.AtFault ?? source.Against;
    }

    /// <summary>The survey scores the call it follows up (5 very satisfied … 1 very dissatisfied): low scores are sampled for grading more often.</summary>
    private async Task ScoreCall(Satisfaction satisfaction)
    {
        if (S.Opening!.CallId is not { } callId)
        {
            return;
        }

        CallSnapshot call;
        try
        {
            call = await GrainFactory.GetGrain<ICallGrain>(callId).Get();
        }
        catch (NotConfiguredException)
        {
            return;
        }

        if (call.Timeline.Count > 0)
        {
            await recordings.Surveyed(callId, 5 - (int)satisfaction);
        }
    }

    private async Task DraftKnowledge(string answer, IReadOnlyList<string> policyReferences, string by)
    {
        var entry = "kb-" + Id;
        await GrainFactory.GetGrain<IKnowledgeEntryGrain>(entry).SaveDraft(new KnowledgeContent(
            S.Opening!.Question!, answer, policyReferences, null, null, [], S.Department, [Id]), by);
        S.KnowledgeEntry = entry;
        Log(by, "knowledge draft", entry);
    }

    /// <summary>Applies every clock milestone passed: due soon, then overdue with escalation one level up.</summary>
    private async Task CatchUp()
    {
        if (S.Opening is null || S.Status == WorkOrderStatus.Closed || S.Due is not { } due)
        {
            return;
        }

        var changed = false;
        if (!S.DueSoonTold && clock.Now >= due.AddMinutes(-limits.Value.DueSoonMinutes))
        {
            S.DueSoonTold = changed = true;
            Log("system", "due soon", Local(due), ("due", due.ToString("O")));
            await Tell(Watchers(), "due-soon", $"{Describe()} is due at {Local(due)}.", supervisors: true, args: [("due", due.ToString("O"))]);
        }

        if (!S.OverdueTold && clock.Now > due)
        {
            S.OverdueTold = changed = true;
            S.Escalations++;
            var department = await WorkOrderRouting.Find(GrainFactory, S.Department);
            var (above, level) = WorkOrderRouting.Above(S.Level, S.Assignee, department);
            Log("system", "overdue", Local(due), ("due", due.ToString("O")));
            Log("system", "escalated", above ?? IWorkNoticesGrain.Supervisors, ("to", above ?? ""));
            if (above is not null && !S.Participants.Contains(above))
            {
                S.Participants.Add(above);
            }

            await Tell([.. Watchers(), .. above is null ? Array.Empty<string>() : [above]], "overdue",
                $"{Describe()} is overdue since {Local(due)}; escalated to {(above is null ? "the supervisors" : $"{above} ({level})")}.", supervisors: true,
                args: [("due", due.ToString("O")), ("to", above ?? ""), ("level", above is null ? "" : level.ToString())]);
        }

        if (changed)
        {
            await Saved("system", "clock");
        }
    }

    private IEnumerable<string> Watchers() => new[] { S.Assignee, S.Owner }.OfType<string>().Distinct();

    private DateTimeOffset NextMilestone()
    {
        var due = S.Due!.Value;
        return S.DueSoonTold ? due.AddSeconds(1) : due.AddMinutes(-limits.Value.DueSoonMinutes);
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var wait = at - clock.Now;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    private async Task StopClock()
    {
        if (await this.GetReminder(ClockReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void Log(string actor, string action, string? text, params (string Name, string Value)[] args) =>
        S.Timeline.Add(new TimelineEntry(clock.Now, actor, action, text, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => a.Value)));

    private async Task Tell(IEnumerable<string> people, string kind, string text, bool supervisors = false, (string Name, string Value)[]? args = null)
    {
        var parts = new Dictionary<string, string> { ["order"] = Id, ["kind"] = Kind.ToString() };
        foreach (var (name, value) in args ?? [])
        {
            parts[name] = value;
        }

        var notice = new WorkNotice(clock.Now, Id, kind, text, parts);
        told.Add(notice);
        foreach (var person in people.Append(supervisors ? IWorkNoticesGrain.Supervisors : null).OfType<string>().Distinct())
        {
            await GrainFactory.GetGrain<IWorkNoticesGrain>(person).Notify(notice);
        }
    }

    /// <summary>Durable, audited, listed and pushed live, in that order.</summary>
    private async Task<WorkOrderView> Saved(string actor, string action, string? detail = null)
    {
        await order.WriteStateAsync();
        if (S.Status == WorkOrderStatus.Closed || action == "clock")
        {
            await ArmClock();
        }

        await Reporting.Audit.Record(GrainFactory, clock, actor, "work-order-" + action, $"work-order:{Id}", detail);
        var view = View();
        var summary = view.Summary();
        await summaries.Put(summary, CallCenterClock.MonthKey(clock.DayOf(S.OpenedAt)), S.Opening?.CallId);
        var department = await WorkOrderRouting.Find(GrainFactory, S.Department);
        var people = S.Participants.Concat(department is null ? [] : new[] { department.Liaison, department.Backup, department.Head }.OfType<string>().Concat(department.Handlers)).Distinct().ToArray();
        var feed = GrainFactory.GetGrain<IWorkOrderFeedGrain>(0);
        await feed.Publish(new WorkOrderChange(summary, people, told.LastOrDefault()));
        told.Clear();
        return view;
    }

    private WorkOrderView View()
    {
        var o = S.Opening!;
        return new WorkOrderView(Id, o.Kind, S.Status, S.Department, S.Owner, S.Assignee, S.Level, o.CallId, o.Taxpayer, o.Question, S.Answer,
            o.TaxReport, o.Severity, S.Finding, S.Survey, S.Attachments.ToArray(), S.Timeline.ToArray(), S.Due,
            S.Due is { } due && clock.Now > due, S.Escalations, S.LateStages, S.OpenedAt, S.ClosedAt, o.SourceOrder, S.Related.ToArray(),
            S.KnowledgeEntry, S.Participants.ToArray(), o.Against, S.ProvisionalYears.ToArray(), S.GuidanceMinutes, o.Dispatch, S.FixedAt, S.VisitRecord, S.ActionChecks.ToArray());
    }

    private string Describe() => $"{Kind} order {Id}";

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd HH:mm");
}
