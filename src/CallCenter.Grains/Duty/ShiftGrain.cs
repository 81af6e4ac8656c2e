using CallCenter.Monitoring;

namespace CallCenter.Duty;

/// <summary>
/// One duty shift. Its clock (window open, late, no-show, end) is driven by a durable reminder and a grain timer
/// while active, and every call catches up with the time first, so a restart mid-shift only resumes it.
/// Shifts call officers, the register and the board; none of those call a shift back.
/// </summary>
[GrainType("duty-shift")]
public sealed class ShiftGrain(
    [PersistentState("duty-shift", StorageNames.Grains)] IPersistentState<ShiftRecord> shift,
    CallCenterClock clock) : Grain, IShiftGrain, IRemindable
{
    private const string ClockReminder = "shift-clock";
    private IGrainTimer? timer;

    private ShiftRecord S => shift.State;

    private ShiftPlan Plan => S.Plan ?? throw new NotConfiguredException("Shift", this.GetPrimaryKeyString());

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Plan is not null && !Finished)
        {
            StartTimer();
            await CatchUp();
        }
    }

    private bool Finished => S.Status is ShiftStatus.CheckedOut or ShiftStatus.Missed or ShiftStatus.Cancelled;

    async Task<ShiftView> IShiftGrain.Schedule(ShiftPlan plan)
    {
        if (S.Plan is not null && S.Status is not (ShiftStatus.Scheduled or ShiftStatus.Open or ShiftStatus.Cancelled))
        {
            if (S.Plan.Shift.Officer == plan.Shift.Officer && S.Plan.Shift.Backup == plan.Shift.Backup)
            {
                return View(null);
            }

            throw new IllegalTransitionException("Shift", Id, S.Status.ToString(), "be rescheduled");
        }

        var before = S.Plan?.Shift;
        S.Plan = plan;
        S.Status = ShiftStatus.Scheduled;
        await Tell(before, plan.Shift);
        await Advance();
        await Save();
        if (!Finished)
        {
            StartTimer();
            await this.RegisterOrUpdateReminder(ClockReminder, NextReminderDue(), TimeSpan.FromMinutes(1));
        }

        return View(null);
    }

    async Task<ShiftView> IShiftGrain.Reassign(string officer, string? backup, string reason)
    {
        await CatchUp();
        if (S.Status is not (ShiftStatus.Scheduled or ShiftStatus.Open or ShiftStatus.NoShow))
        {
            throw new IllegalTransitionException("Shift", Id, S.Status.ToString(), "change its officer");
        }

        var before = Plan.Shift;
        S.Plan = Plan with { Shift = before with { Officer = officer, Backup = backup == officer ? null : backup } };
        S.Swap = null;
        if (S.Status == ShiftStatus.NoShow)
        {
            S.Status = ShiftStatus.Open;
        }

        await Tell(before, S.Plan.Shift);
        await Notify(officer, "assigned", $"You are now on duty for {Describe()} ({reason}).", ("reason", reason));
        if (before.Officer is { } previous && previous != officer)
        {
            await Notify(previous, "unassigned", $"You are no longer on duty for {Describe()} ({reason}).", ("reason", reason));
        }
        await Save();
        return View(null);
    }

    async Task IShiftGrain.Cancel(string reason)
    {
        if (S.Plan is null || S.Status is ShiftStatus.Cancelled)
        {
            return;
        }

        if (S.Status == ShiftStatus.CheckedIn)
        {
            throw new IllegalTransitionException("Shift", Id, S.Status.ToString(), "be cancelled");
        }

        S.Status = ShiftStatus.Cancelled;
        await Tell(Plan.Shift, null);
        await Save();
        await Stop();
    }

    async Task<ShiftView> IShiftGrain.Get()
    {
        await CatchUp();
        return View(await PreviousHandover());
    }

    async Task<DutyTile> IShiftGrain.Tile()
    {
        await CatchUp();
        return Tile();
    }

    async Task<ShiftView> IShiftGrain.CheckIn(string user, ClockSource source)
    {
        await CatchUp();
        if (S.Status == ShiftStatus.CheckedIn && S.CheckedInBy == user)
        {
            return View(await PreviousHandover());
        }

        var plan = Plan;
        var substitute = S.Status == ShiftStatus.NoShow && plan.Shift.Backup == user;
        if (plan.Shift.Officer != user && !substitute)
        {
            throw new NotPermittedException(
                $"{user} is not rostered for {Describe()}: only its officer ({plan.Shift.Officer ?? "none"}), an approved swap, or the backup after a no-show may check in.");
        }

        var now = clock.Now;
        if (now < plan.WindowOpens || now >= plan.Shift.End || S.Status is not (ShiftStatus.Open or ShiftStatus.NoShow))
        {
            throw new RuleViolationException(
                $"Check-in to {Describe()} is open from {Local(plan.WindowOpens)} until {Local(plan.Shift.End)}; the server's time is {Local(now)} and the shift is {S.Status}.");
        }

        await GrainFactory.GetGrain<IDutyOfficerGrain>(user).Activate(Id);
        var previous = await PreviousHandover();
        await TakeOverOpenMatters(previous, user);
        S.Status = ShiftStatus.CheckedIn;
        S.CheckedInBy = user;
        S.CheckedInAt = now;
        S.Late = S.Late || now >= plan.LateAt;
        S.Clock.Add(new ClockEntry("in", user, now, now, source.Address, source.Device, user, substitute ? "backup after a no-show" : null));
        await Save();
        return View(previous);
    }

    async Task<ShiftView> IShiftGrain.CheckOut(string user, string notes, IReadOnlyList<string> openMatters, ClockSource source)
    {
        await CatchUp();
        if (S.Status != ShiftStatus.CheckedIn)
        {
            throw new IllegalTransitionException("Shift", Id, S.Status.ToString(), "check out");
        }

        if (S.CheckedInBy != user)
        {
            throw new NotPermittedException($"Only {S.CheckedInBy}, who checked in, may check out of {Describe()}.");
        }

        await Close(user, clock.Now, source, notes, openMatters, "out", user);
        return View(await PreviousHandover());
    }

    async Task<ShiftView> IShiftGrain.Correct(string administrator, string kind, DateTimeOffset at, string reason)
    {
        await CatchUp();
        if (kind is not ("in" or "out"))
        {
            throw new DomainValidationException("kind", "A correction is of a check-in (\"in\") or a check-out (\"out\").");
        }

        var officer = S.CheckedInBy ?? Plan.Shift.Officer ?? throw new RuleViolationException($"{Describe()} has no officer to correct.");
        S.Clock.Add(new ClockEntry("correct-" + kind, officer, at, clock.Now, null, null, administrator, reason));
        if (kind == "in")
        {
            S.CheckedInAt = at;
            S.CheckedInBy = officer;
            S.Late = at >= Plan.LateAt;
        }
        else
        {
            S.CheckedOutAt = at;
        }

        await Save();
        return View(await PreviousHandover());
    }

    async Task<ShiftView> IShiftGrain.RequestSwap(string user, string colleague, string? note)
    {
        await CatchUp();
        if (Plan.Shift.Officer != user)
        {
            throw new NotPermittedException($"Only the officer of {Describe()} ({Plan.Shift.Officer}) may ask for a swap.");
        }

        if (S.Status is not (ShiftStatus.Scheduled or ShiftStatus.Open) || colleague == user)
        {
            throw new RuleViolationException($"A swap for {Describe()} needs a colleague other than you, before the shift starts.");
        }

        S.Swap = new SwapRequest(user, colleague, note, clock.Now);
        await Save();
        await Notify(colleague, "swap-asked", $"{user} asks you to take {Describe()}{(note is null ? "" : ": " + note)}.", ("from", user), ("note", note ?? ""));
        return View(null);
    }

    async Task<ShiftView> IShiftGrain.AnswerSwap(string user, bool accept)
    {
        await CatchUp();
        if (S.Swap is not { } swap || swap.To != user)
        {
            throw new NotPermittedException($"{user} has no swap request for {Describe()} to answer.");
        }

        S.Swap = accept ? swap with { AcceptedAt = clock.Now } : null;
        await Save();
        await Notify(swap.From, accept ? "swap-accepted" : "swap-declined", $"{user} {(accept ? "accepted" : "declined")} taking {Describe()}.", ("by", user));
        if (accept)
        {
            await Notify(Plan.Head, "swap-approval", $"{swap.From} and {user} ask you to approve a swap of {Describe()}.", ("from", swap.From), ("by", user));
        }

        return View(null);
    }

    Task<Handover?> IShiftGrain.GetHandover() => Task.FromResult(S.Handover);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Plan is null || Finished)
        {
            await Stop();
            return;
        }

        StartTimer();
        await CatchUp();
    }

    /// <summary>Applies every milestone the clock has passed, saving once if anything changed.</summary>
    private async Task CatchUp()
    {
        if (S.Plan is not null && await Advance())
        {
            await Save();
        }

        if (S.Plan is not null && Finished)
        {
            await Stop();
        }
    }

    private async Task<bool> Advance()
    {
        var plan = Plan;
        var now = clock.Now;
        var changed = false;
        if (S.Status == ShiftStatus.Scheduled && now >= plan.WindowOpens)
        {
            S.Status = ShiftStatus.Open;
            changed = true;
        }

        if (S.Status == ShiftStatus.Open && !S.Late && now >= plan.LateAt)
        {
            S.Late = changed = true;
        }

        if (S.Status == ShiftStatus.Open && now >= plan.NoShowAt)
        {
            S.Status = ShiftStatus.NoShow;
            changed = true;

            // Nobody is asked to cover a shift that is already over (e.g. one published after the fact).
            if (now < plan.Shift.End)
            {
                await AskBackup(plan);
            }
        }

        return await AtEnd(plan, now) | changed;
    }

    private async Task AskBackup(ShiftPlan plan)
    {
        var who = plan.Shift.Officer ?? "no one";
        await Notify(plan.Head, "no-show", $"{who} has not checked in to {Describe()}; the backup ({plan.Shift.Backup ?? "none"}) has been asked to cover.",
            ("officer", plan.Shift.Officer ?? ""), ("backup", plan.Shift.Backup ?? ""));
        if (plan.Shift.Backup is { } backup)
        {
            await Notify(backup, "cover", $"{who} has not checked in to {Describe()}: please check in to cover it.", ("officer", plan.Shift.Officer ?? ""));
        }
    }

    /// <summary>At the end: a shift no one took is missed, a checked-in officer goes into overtime, later is checked out.</summary>
    private async Task<bool> AtEnd(ShiftPlan plan, DateTimeOffset now)
    {
        if ((S.Status is ShiftStatus.Open or ShiftStatus.NoShow or ShiftStatus.Scheduled) && now >= plan.Shift.End)
        {
            S.Status = ShiftStatus.Missed;
            return true;
        }

        if (S.Status == ShiftStatus.CheckedIn && now >= plan.AutoCheckOutAt)
        {
            await Close(S.CheckedInBy!, plan.AutoCheckOutAt, new ClockSource(null, null), "", [], "out", "system");
            return false;
        }

        if (S.Status == ShiftStatus.CheckedIn && now >= plan.Shift.End && !S.Overtime)
        {
            S.Overtime = true;
            return true;
        }

        return false;
    }

    private async Task Close(string user, DateTimeOffset at, ClockSource source, string notes, IReadOnlyList<string> openMatters, string kind, string by)
    {
        S.Status = ShiftStatus.CheckedOut;
        S.CheckedOutAt = at;
        S.Overtime = at > Plan.Shift.End;
        S.Clock.Add(new ClockEntry(kind, user, at, clock.Now, source.Address, source.Device, by, by == "system" ? "automatic check-out after the shift" : null));
        if (by != "system" || S.Handover is null)
        {
            S.Handover = new Handover(user, at, notes, openMatters);
        }

        await Save();
        await GrainFactory.GetGrain<IDutyOfficerGrain>(user).Release(Id);
        await Stop();
    }

    private async Task Save()
    {
        await shift.WriteStateAsync();
        var tile = Tile();
        await GrainFactory.GetGrain<IDutyRegisterGrain>(0).Update(tile);
        _ = GrainFactory.GetGrain<IMonitorBoard>(0).DutyChanged(tile);
    }

    /// <summary>
    /// First-question ownership survives the handover: every open matter the previous officer listed that starts with a
    /// work-order id passes to the officer checking in (the rostered one, or the backup after a no-show). Done before
    /// the check-in is stored, and harmless to repeat, so a failure part-way is finished by checking in again.
    /// </summary>
    private async Task TakeOverOpenMatters(Handover? handover, string user)
    {
        if (handover is null)
        {
            return;
        }

        foreach (var matter in handover.OpenMatters)
        {
            var orderId = matter.Split([' ', '\t', ',', '，', ':', '：', ';', '；'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (orderId is null || orderId.Length > 64)
            {
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IWorkOrderGrain>(orderId).HandOver(handover.By, user, Id);
            }
            catch (NotConfiguredException)
            {
                // a matter in words, not an order
            }
        }
    }

    private async Task<Handover?> PreviousHandover() =>
        Plan.PreviousShiftId is { } previous ? await GrainFactory.GetGrain<IShiftGrain>(previous).GetHandover() : null;

    /// <summary>Tells the people who joined or left the shift, so their own lists stay right.</summary>
    private async Task Tell(RosterShift? before, RosterShift? after)
    {
        string?[] old = [before?.Officer, before?.Backup];
        string?[] now = [after?.Officer, after?.Backup];
        foreach (var person in old.Except(now).OfType<string>())
        {
            await GrainFactory.GetGrain<IDutyOfficerGrain>(person).Assign(Id, before!.Start, false);
        }

        foreach (var person in now.OfType<string>())
        {
            await GrainFactory.GetGrain<IDutyOfficerGrain>(person).Assign(Id, after!.Start, true);
        }
    }

    /// <summary>A notice whose parts (the shift's date, department and template, and <paramref name="args"/>) let pages say it in their language.</summary>
    private Task Notify(string person, string kind, string text, params (string Name, string Value)[] args) =>
        GrainFactory.GetGrain<IDutyOfficerGrain>(person).Notify(new DutyNotice(clock.Now, kind, Id, text, args
            .Concat([("date", Plan.Shift.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("department", Plan.DepartmentName), ("template", Plan.TemplateName)])
            .ToDictionary(a => a.Item1, a => a.Item2)));

    private void StartTimer() =>
        timer ??= this.RegisterGrainTimer(CatchUp, new GrainTimerCreationOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));

    private async Task Stop()
    {
        timer?.Dispose();
        timer = null;
        if (await this.GetReminder(ClockReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private TimeSpan NextReminderDue()
    {
        var due = Plan.WindowOpens - clock.Now;
        return due < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : due;
    }

    private string Describe() => $"the {Plan.TemplateName} shift of {Plan.Shift.Date:yyyy-MM-dd} ({Plan.DepartmentName})";

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd HH:mm");

    private DutyTile Tile()
    {
        var p = Plan;
        return new DutyTile(p.Shift, p.TemplateName, p.DepartmentName, S.Status, S.Late, S.Overtime, S.CheckedInBy, S.CheckedInAt, S.CheckedOutAt, p.Demo);
    }

    private ShiftView View(Handover? previous) =>
        new(Plan, S.Status, S.Late, S.Overtime, S.CheckedInBy, S.CheckedInAt, S.CheckedOutAt, S.Clock.ToArray(), S.Handover, previous, S.Swap, Plan.WindowOpens);
}
