namespace CallCenter.Seats;

[GrainType("seat")]
public sealed class SeatGrain(
    [PersistentState("seat", StorageNames.Grains)] IPersistentState<SeatRecord> seat,
    CallCenterClock clock,
    IOptions<SeatOptions> options,
    IAgentActivity activity,
    MonitorInbox wall,
    ILogger<SeatGrain> logger) : Grain, ISeatGrain, ISeatRoutingGrain, ISeatSupervisionGrain, IRemindable
{
    private const string OnDutyReminder = "on-duty";
    private const string LegacyWrapUpReminder = "wrap-up";
    private const string ReleaseReminder = "release-calls";
    private const int MaxSpansToWrite = 1_000;
    private IGrainTimer? wrapUpTimer;
    private IGrainTimer? releaseTimer;
    private IGrainTimer? callCheck;
    private IGrainTimer? spansRetry;
    private bool releaseReminderSet;
    private bool writingSpans;

    // The agent this seat is claiming right now: Holder answers with them, so the same agent's claim at another seat
    // in that moment is refused instead of taking a seat whose login has not been saved yet.
    private string? joining;

    private string Id => this.GetPrimaryKeyString();
    private SeatRecord S => seat.State;
    private TimeSpan CallCheckEvery => TimeSpan.FromSeconds(Math.Max(1, options.Value.CallCheckSeconds));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A restart during wrap-up resumes the countdown; one already overdue ends at once.
        if (S.State == SeatState.WrapUp)
        {
            StartWrapUpTimer();
            await CheckWrapUp();
        }

        // Calls not yet told that their wrap-up ended are told now, and spans the store may not have are written.
        await ReleaseCalls();
        _ = WriteSpans();
        if (S.State is SeatState.Reserved or SeatState.OnCall)
        {
            CheckCallLater();
        }

        if (S.State != SeatState.LoggedOut && await this.GetReminder(OnDutyReminder) is null)
        {
            // Logged in before seats kept an on-duty reminder.
            await this.RegisterOrUpdateReminder(OnDutyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    async Task<SeatSnapshot> ISeatGrain.Define(SeatDefinition definition)
    {
        var previous = S.Definition;
        if (previous is null)
        {
            S.Since = S.IdleSince = clock.Now;
            S.Day = clock.Today;
        }

        S.Definition = definition;
        await Save();
        foreach (var dropped in previous?.Skills.Where(old => definition.Skills.All(s => s.Queue != old.Queue)) ?? [])
        {
            _ = GrainFactory.GetGrain<IQueueGrain>(dropped.Queue).SeatChanged(new SeatAvailability(Id, 0, false, S.IdleSince, S.CallsToday));
        }

        NotifyQueues();
        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatGrain.Login(string agent)
    {
        RequireDefined();
        if (S.State != SeatState.LoggedOut && S.Agent == agent)
        {
            return Snapshot();
        }

        if (S.State != SeatState.LoggedOut)
        {
            throw new RuleViolationException($"Seat '{Id}' is held by agent '{S.Agent}': they log out first, or a supervisor takes the seat over.");
        }

        await LogIn(agent);
        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatSupervisionGrain.TakeOver(string agent, string supervisor)
    {
        RequireDefined();
        var previous = S.State == SeatState.LoggedOut ? null : S.Agent;
        if (previous == agent)
        {
            return Snapshot();
        }

        if (S.State is SeatState.Reserved or SeatState.OnCall)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), "be taken over (wait for the call to end)");
        }

        SeatTransitions.Ensure(Id, S.State, previous is null ? SeatState.NotReady : SeatState.LoggedOut, "be taken over");
        if (await GrainFactory.GetGrain<IAgentGrain>(agent).Seat() is { } other && other != Id && await GrainFactory.GetGrain<ISeatGrain>(other).Holder() == agent)
        {
            // The agent moves: they leave the seat they held (refused there during a call).
            await GrainFactory.GetGrain<ISeatSupervisionGrain>(other).Force(SeatState.LoggedOut, null, supervisor);
        }

        joining = agent;
        try
        {
            await GrainFactory.GetGrain<IAgentGrain>(agent).Claim(Id);
            if (previous is not null)
            {
                await ((ISeatGrain)this).Logout();
            }

            await LogIn(agent);
        }
        finally
        {
            joining = null;
        }

        await Audit.Record(GrainFactory, clock, supervisor, previous is null ? "seat-login" : "seat-takeover", Id, $"agent={agent}; previous={previous ?? "-"}");
        return Snapshot();
    }

    Task<string?> ISeatGrain.Holder() => Task.FromResult(joining ?? (S.State == SeatState.LoggedOut ? null : S.Agent));

    private async Task LogIn(string agent)
    {
        SeatTransitions.Ensure(Id, S.State, SeatState.NotReady, "log in");
        joining = agent;
        try
        {
            await GrainFactory.GetGrain<IAgentGrain>(agent).Claim(Id);
            Move(SeatState.NotReady, null, "log in");
            S.Agent = agent;
            S.WantsReady = false;
            S.MissedInRow = 0;
            await Save();
        }
        finally
        {
            joining = null;
        }

        await this.RegisterOrUpdateReminder(OnDutyReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    async Task<SeatSnapshot> ISeatGrain.ChangeState(SeatState state, string? reason)
    {
        RequireDefined();
        if (S.State is SeatState.Reserved or SeatState.OnCall)
        {
            // The ACD and the call own these states; the agent acts again after the call.
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), $"change to {state} by the agent");
        }

        switch (state)
        {
            case SeatState.Ready:
                await GoReady();
                break;
            case SeatState.NotReady:
                await GoNotReady(ValidReason(reason));
                break;
            case SeatState.LoggedOut:
                return await ((ISeatGrain)this).Logout();
            default:
                throw new DomainValidationException("state", $"An agent can ask for Ready, NotReady or LoggedOut, not {state}.");
        }

        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatGrain.Logout()
    {
        RequireDefined();
        if (S.State == SeatState.LoggedOut)
        {
            return Snapshot();
        }

        SeatTransitions.Ensure(Id, S.State, SeatState.LoggedOut, "log out");
        var finishedCall = S.State == SeatState.WrapUp ? S.CallId : null;
        var agent = S.Agent;
        Move(SeatState.LoggedOut, null, "log out");
        S.Agent = null;
        S.WantsReady = false;
        S.Monitoring = MonitorMode.None;
        S.MonitoredBy = null;
        S.Messages.Clear();
        await SaveAfterWrapUp(finishedCall);
        if (await this.GetReminder(OnDutyReminder) is { } onDuty)
        {
            await this.UnregisterReminder(onDuty);
        }

        if (agent is not null)
        {
            try
            {
                await GrainFactory.GetGrain<IAgentGrain>(agent).Release(Id);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The logout stands: a lost release heals itself, since the agent's next claim finds this seat no longer holds them.
                logger.LogWarning(e, "Seat {Seat} could not release agent {Agent}", Id, agent);
            }
        }

        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatGrain.PhoneRegistration(bool registered)
    {
        RequireDefined();
        S.PhoneRegistered = registered;
        if (S.Definition!.Remote && !registered && S.State == SeatState.Ready)
        {
            S.WantsReady = true;
            Move(SeatState.NotReady, NotReadyReasons.PhoneOffline, "lose its phone");
        }
        else if (registered && S.State == SeatState.NotReady && S.Reason == NotReadyReasons.PhoneOffline && S.WantsReady)
        {
            Move(SeatState.Ready, null, "return to routing");
        }

        await Save();
        return Snapshot();
    }

    Task<SeatSnapshot> ISeatGrain.Get()
    {
        RequireDefined();
        return Task.FromResult(Snapshot());
    }

    async Task<SeatSnapshot> ISeatSupervisionGrain.Force(SeatState state, string? reason, string supervisor)
    {
        RequireDefined();
        if (S.State is SeatState.Reserved or SeatState.OnCall)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), $"be forced {state} (wait for the call to end)");
        }

        if (S.State == SeatState.LoggedOut)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), $"be forced {state}");
        }

        var agent = S.Agent;
        switch (state)
        {
            case SeatState.NotReady:
                reason = string.IsNullOrEmpty(reason) ? NotReadyReasons.Forced : ValidReason(reason);
                await GoNotReady(reason);
                break;
            case SeatState.LoggedOut:
                await ((ISeatGrain)this).Logout();
                break;
            default:
                throw new DomainValidationException("state", "A supervisor can force NotReady or LoggedOut.");
        }

        await Audit.Record(GrainFactory, clock, supervisor, $"force-{state}", Id, $"agent={agent}; reason={reason ?? "-"}");
        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatSupervisionGrain.Monitor(MonitorMode mode, string supervisor)
    {
        RequireDefined();
        if (S.State == SeatState.LoggedOut && mode != MonitorMode.None)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), "be monitored");
        }

        if (mode == S.Monitoring && (mode == MonitorMode.None || supervisor == S.MonitoredBy))
        {
            return Snapshot();
        }

        S.Monitoring = mode;
        S.MonitoredBy = mode == MonitorMode.None ? null : supervisor;
        await Save();
        _ = GrainFactory.GetGrain<ICtiCommandBus>(0).Send(
            new CtiCommand(CtiCommandKinds.Monitoring(mode), S.CallId ?? "", Id, null, S.OfferQueue, clock.Now, supervisor));
        await Audit.Record(GrainFactory, clock, supervisor, $"monitor-{mode}".ToLowerInvariant(), Id, $"agent={S.Agent}; call={S.CallId ?? "-"}");
        return Snapshot();
    }

    async Task<SeatSnapshot> ISeatSupervisionGrain.Message(string text, string supervisor)
    {
        RequireDefined();
        if (S.State == SeatState.LoggedOut)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), "receive a message (nobody is logged in)");
        }

        S.Messages.Insert(0, new SeatMessage(clock.Now, supervisor, text));
        if (S.Messages.Count > 20)
        {
            S.Messages.RemoveAt(S.Messages.Count - 1);
        }

        await Save();
        await Audit.Record(GrainFactory, clock, supervisor, "message", Id, $"agent={S.Agent}; {text.Length} characters");
        return Snapshot();
    }

    async Task<string?> ISeatRoutingGrain.TryReserve(string callId, string queue)
    {
        if (S.Definition is null || S.State != SeatState.Ready || (S.Definition.Remote && !S.PhoneRegistered))
        {
            return null;
        }

        S.OfferQueue = queue;
        Move(SeatState.Reserved, null, "take an offer");
        S.CallId = callId;
        await Save();
        CheckCallLater();
        return S.Agent;
    }

    Task ISeatRoutingGrain.OfferTimedOut(string callId) => ReleaseOffer(callId, missed: true);

    Task ISeatRoutingGrain.OfferWithdrawn(string callId) => ReleaseOffer(callId, missed: false);

    /// <summary>Frees a seat from an offer; a miss counts, and too many in a row park the seat NotReady/missed.</summary>
    private async Task ReleaseOffer(string callId, bool missed)
    {
        if (S.State != SeatState.Reserved || S.CallId != callId)
        {
            return;
        }

        S.CallId = S.OfferQueue = null;
        if (missed)
        {
            S.MissedInRow++;
            S.MissedToday++;
        }

        if (missed && S.MissedInRow >= options.Value.MissedOffersLimit)
        {
            Move(SeatState.NotReady, NotReadyReasons.Missed, "miss an offer", missed: true);
        }
        else
        {
            Move(SeatState.Ready, null, missed ? "miss an offer" : "lose an offer", missed);
        }

        await Save();
    }

    async Task ISeatRoutingGrain.Connect(string callId)
    {
        if (S.State == SeatState.OnCall && S.CallId == callId)
        {
            return;
        }

        if (S.State != SeatState.Reserved || S.CallId != callId)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), $"connect call '{callId}'");
        }

        Move(SeatState.OnCall, null, "connect a call");
        S.ConnectedAt = clock.Now;
        S.MissedInRow = 0;
        S.CallsToday++;
        await Save();
    }

    Task ISeatRoutingGrain.CallEnded(string callId) => ((ISeatRoutingGrain)this).CallHungUp(callId);

    async Task<CallSnapshot?> ISeatRoutingGrain.CallHungUp(string callId)
    {
        if ((S.State == SeatState.WrapUp && S.CallId == callId) || S.CallsToRelease.Contains(callId))
        {
            return null;
        }

        if (S.State == SeatState.Reserved && S.CallId == callId)
        {
            // The connect was lost (its silo died): the call was talked all the same.
            logger.LogWarning("Seat {Seat} heard call {Call} end while still reserved for it: connecting it late", Id, callId);
            await ((ISeatRoutingGrain)this).Connect(callId);
        }

        if (S.State != SeatState.OnCall || S.CallId != callId)
        {
            throw new IllegalTransitionException("Seat", Id, S.State.ToString(), $"end call '{callId}'");
        }

        var hungUp = clock.Now;
        Move(SeatState.WrapUp, null, "start wrap-up", at: hungUp);
        if (options.Value.WrapUpSeconds <= 0)
        {
            // No after-call work is configured: back to Ready at the same instant, in one write, and no wrap-up span.
            Move(SeatState.Ready, null, "end wrap-up", at: hungUp);
            return await SaveAfterWrapUp(callId);
        }

        // A restart during wrap-up is caught by the on-duty reminder every logged-in seat keeps.
        S.WrapUpEndsAt = clock.Now.AddSeconds(options.Value.WrapUpSeconds);
        await Save();
        StartWrapUpTimer();
        return null;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OnDutyReminder)
        {
            await CheckWrapUp();
            if (S.State == SeatState.LoggedOut && await this.GetReminder(OnDutyReminder) is { } onDuty)
            {
                await this.UnregisterReminder(onDuty);
            }
        }
        else if (reminderName == LegacyWrapUpReminder)
        {
            // Set per call by earlier versions; the on-duty reminder does its work now.
            await CheckWrapUp();
            if (await this.GetReminder(LegacyWrapUpReminder) is { } legacy)
            {
                await this.UnregisterReminder(legacy);
            }
        }
        else if (reminderName == ReleaseReminder)
        {
            // Set before a restart: this activation did not register it, so it ends it here once nothing is left.
            releaseReminderSet = true;
            await ReleaseCalls();
        }
    }

    private async Task GoReady()
    {
        if (S.State == SeatState.Ready)
        {
            return;
        }

        if (S.State == SeatState.WrapUp)
        {
            var call = S.CallId;
            Move(SeatState.Ready, null, "end wrap-up");
            await SaveAfterWrapUp(call);
            return;
        }

        SeatTransitions.Ensure(Id, S.State, SeatState.Ready, "go Ready");
        if (S.Definition!.Remote && !S.PhoneRegistered)
        {
            S.WantsReady = true;
            Move(SeatState.NotReady, NotReadyReasons.PhoneOffline, "go Ready");
        }
        else
        {
            Move(SeatState.Ready, null, "go Ready");
        }

        await Save();
    }

    private async Task GoNotReady(string reason)
    {
        SeatTransitions.Ensure(Id, S.State, SeatState.NotReady, "go NotReady");
        var call = S.State == SeatState.WrapUp ? S.CallId : null;
        S.WantsReady = false;
        Move(SeatState.NotReady, reason, "go NotReady");
        await SaveAfterWrapUp(call);
    }

    private string ValidReason(string? reason)
    {
        var allowed = options.Value.NotReadyReasons;
        if (string.IsNullOrWhiteSpace(reason) || !allowed.Contains(reason))
        {
            throw new DomainValidationException("reason", $"NotReady needs a reason code, one of: {string.Join(", ", allowed)}.");
        }

        return reason;
    }

    private async Task CheckWrapUp()
    {
        if (S.State != SeatState.WrapUp)
        {
            StopWrapUpClock();
            return;
        }

        if (S.WrapUpEndsAt is { } end && clock.Now >= end)
        {
            var call = S.CallId;
            Move(SeatState.Ready, null, "end wrap-up");
            await SaveAfterWrapUp(call);
        }
    }

    /// <summary>
    /// Persists a change that left wrap-up together with the duty to tell the call, then tells it: a call whose silo
    /// is dying hears it later (retried every few seconds and by a reminder), never not at all. Returns the finished
    /// call as the notice left it, if it was told now.
    /// </summary>
    private async Task<CallSnapshot?> SaveAfterWrapUp(string? finishedCall)
    {
        var handled = (Queue: S.OfferQueue, Seconds: S.ConnectedAt is { } connected ? (clock.Now - connected).TotalSeconds : 0);
        if (finishedCall is not null)
        {
            S.CallId = S.OfferQueue = null;
            S.WrapUpEndsAt = S.ConnectedAt = null;
            if (!S.CallsToRelease.Contains(finishedCall))
            {
                S.CallsToRelease.Add(finishedCall);
            }
        }

        try
        {
            await Save();
        }
        catch when (finishedCall is not null && Skill(handled.Queue) is { } offering)
        {
            // Not written, yet the seat goes on as it is held: the queue that offered must not keep it marked busy.
            NotifyQueue(offering);
            throw;
        }

        if (finishedCall is null)
        {
            return null;
        }

        if (handled.Queue is not null)
        {
            // Where the seat stands goes with the count: the queue hears the seat free only once that is durable.
            _ = GrainFactory.GetGrain<IQueueGrain>(handled.Queue).SeatFinishedCall(finishedCall, handled.Seconds, Skill(handled.Queue) is { } skill ? Availability(skill) : null);
        }

        StopWrapUpClock();
        return await ReleaseCalls(finishedCall);
    }

    /// <summary>
    /// Tells each call in <see cref="SeatRecord.CallsToRelease"/> that its wrap-up is done. The list is cleared in
    /// memory and written with the seat's next change (a repeat is harmless: the call ignores it); while a call
    /// cannot be reached, a timer retries every few seconds and a reminder survives a restart of this silo.
    /// </summary>
    private async Task<CallSnapshot?> ReleaseCalls(string? wanted = null)
    {
        CallSnapshot? told = null;
        foreach (var callId in S.CallsToRelease.ToList())
        {
            try
            {
                var call = await GrainFactory.GetGrain<ICallGrain>(callId).Apply(new CallEvent(CallEventKind.WrapUpDone, Id));
                told = callId == wanted ? call : told;
                S.CallsToRelease.Remove(callId);
            }
            catch (Exception e) when (e is IllegalTransitionException or NotConfiguredException)
            {
                // The call already ended (a repeated notice) or is unknown: nothing left to tell it.
                S.CallsToRelease.Remove(callId);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.LogWarning(e, "Seat {Seat} could not tell call {Call} its wrap-up ended; retrying", Id, callId);
            }
        }

        if (S.CallsToRelease.Count == 0)
        {
            releaseTimer?.Dispose();
            releaseTimer = null;
            if (releaseReminderSet)
            {
                await StopReleaseReminder();
            }

            return told;
        }

        releaseTimer ??= this.RegisterGrainTimer(() => ReleaseCalls(), new GrainTimerCreationOptions(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)));
        if (!releaseReminderSet)
        {
            await this.RegisterOrUpdateReminder(ReleaseReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            releaseReminderSet = true;
        }

        return told;
    }

    /// <summary>Every call was told: the reminder goes, and the emptied list is written.</summary>
    private async Task StopReleaseReminder()
    {
        if (await this.GetReminder(ReleaseReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        releaseReminderSet = false;
        await Save();
    }

    /// <summary>
    /// While reserved for or on a call, the seat compares itself with the call every 15 seconds: a connect or an end it
    /// never heard (the sender's silo died) is caught up, an offer the call no longer has is let go. Each repair is
    /// logged. A seat left so when its own silo died is checked when it activates again (the board and its queues
    /// activate it at once).
    /// </summary>
    private void CheckCallLater() =>
        callCheck ??= this.RegisterGrainTimer(CheckCall, new GrainTimerCreationOptions(CallCheckEvery, CallCheckEvery));

    private async Task CheckCall()
    {
        if (S.State is not (SeatState.Reserved or SeatState.OnCall) || S.CallId is not { } callId)
        {
            callCheck?.Dispose();
            callCheck = null;
            return;
        }

        if (clock.Now - S.Since < CallCheckEvery)
        {
            return;
        }

        CallSnapshot? call;
        try
        {
            call = await GrainFactory.GetGrain<ICallGrain>(callId).Get();
        }
        catch (NotConfiguredException)
        {
            call = null;
        }

        var repair = SeatCallCheck.Decide(Id, S.State, call);
        if (repair == SeatRepair.None)
        {
            return;
        }

        logger.LogWarning("Seat {Seat} was {SeatState} for call {Call}, which is {CallState} at seat {CallSeat}: repaired ({Repair})",
            Id, S.State, callId, call?.State.ToString() ?? "unknown", call?.SeatId ?? "none", repair);
        var routing = (ISeatRoutingGrain)this;
        switch (repair)
        {
            case SeatRepair.Connect:
                await routing.Connect(callId);
                break;
            case SeatRepair.ConnectAndWrapUp:
                await routing.Connect(callId);
                await routing.CallEnded(callId);
                break;
            case SeatRepair.WrapUp:
                await routing.CallEnded(callId);
                break;
            case SeatRepair.ReleaseOffer:
                await ReleaseOffer(callId, missed: false);
                break;
        }
    }

    private void StartWrapUpTimer()
    {
        wrapUpTimer ??= this.RegisterGrainTimer(CheckWrapUp, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    private void StopWrapUpClock()
    {
        wrapUpTimer?.Dispose();
        wrapUpTimer = null;
    }

    private void Move(SeatState to, string? reason, string action, bool missed = false, DateTimeOffset? at = null)
    {
        SeatTransitions.Ensure(Id, S.State, to, action);
        var now = at ?? clock.Now;
        Accrue(now);
        EndSpan(now, missed);
        var from = S.State;
        var wasReady = from == SeatState.Ready;
        S.State = to;
        S.Reason = to == SeatState.NotReady ? reason : null;
        S.Since = now;
        if (to == SeatState.Ready)
        {
            S.IdleSince = now;
        }

        if (wasReady != (to == SeatState.Ready))
        {
            // The queue whose call the seat takes or finishes hears it with that call: it marked the seat busy when it
            // offered, and the end of the wrap-up reaches it with the count of the call handled.
            NotifyQueues(except: (from == SeatState.WrapUp && S.CallId is not null) || to == SeatState.Reserved ? S.OfferQueue : null);
        }
    }

    private void Accrue(DateTimeOffset now)
    {
        var today = clock.DayOf(now);
        if (S.Day != today)
        {
            S.Day = today;
            S.CallsToday = S.MissedToday = 0;
            S.TalkSecondsToday = 0;
            S.NotReadySecondsToday = [];
        }

        var seconds = Math.Max(0, (now - S.Since).TotalSeconds);
        if (S.State == SeatState.OnCall)
        {
            S.TalkSecondsToday += seconds;
        }
        else if (S.State == SeatState.NotReady && S.Reason is { } reason)
        {
            S.NotReadySecondsToday[reason] = S.NotReadySecondsToday.GetValueOrDefault(reason) + seconds;
        }
    }

    /// <summary>
    /// Queues the span that ends now for the query store, cut at each local midnight it crosses, so every span belongs
    /// to one day. Time logged out is no one's activity.
    /// </summary>
    private void EndSpan(DateTimeOffset now, bool missed)
    {
        if (S.State == SeatState.LoggedOut || S.Agent is not { } agent)
        {
            return;
        }

        for (var from = S.Since; from < now;)
        {
            var day = clock.DayOf(from);
            var midnight = clock.At(day.AddDays(1), TimeOnly.MinValue);
            var to = midnight < now ? midnight : now;
            S.SpansToWrite.Add(new SeatSpan(Id, agent, S.State, S.Reason, day, from, to, missed && to == now));
            from = to;
        }

        if (S.SpansToWrite.Count > MaxSpansToWrite)
        {
            logger.LogWarning("Seat {Seat} dropped {Count} activity spans the query store did not take", Id, S.SpansToWrite.Count - MaxSpansToWrite);
            S.SpansToWrite.RemoveRange(0, S.SpansToWrite.Count - MaxSpansToWrite);
        }
    }

    /// <summary>
    /// Hands the queued spans to the store without holding up the seat; those it took leave the queue (saved with the
    /// seat's next change: a span written twice is stored once). Spans left by a failure or a crash are written again.
    /// </summary>
    private async Task WriteSpans()
    {
        if (writingSpans || S.SpansToWrite.Count == 0)
        {
            return;
        }

        writingSpans = true;
        try
        {
            // Spans queued while a batch was on its way go next, so the last change of a seat is not left waiting.
            while (S.SpansToWrite.Count > 0)
            {
                var spans = S.SpansToWrite.ToList();
                await activity.Write(spans);
                S.SpansToWrite = S.SpansToWrite.Skip(spans.Count).ToList();
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Seat {Seat} could not write {Count} activity spans; they are kept and tried again in 5 s", Id, S.SpansToWrite.Count);
            spansRetry?.Dispose();
            spansRetry = this.RegisterGrainTimer(WriteSpans, new GrainTimerCreationOptions(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        }
        finally
        {
            writingSpans = false;
        }
    }

    Task ISeatRoutingGrain.ReportAvailability()
    {
        NotifyQueues();
        return Task.CompletedTask;
    }

    private void NotifyQueues(string? except = null)
    {
        // One-way: the seat never waits on a queue, so a queue waiting on this seat cannot deadlock.
        foreach (var skill in S.Definition?.Skills ?? [])
        {
            if (skill.Queue != except)
            {
                NotifyQueue(skill);
            }
        }
    }

    private void NotifyQueue(SeatSkill skill) => _ = GrainFactory.GetGrain<IQueueGrain>(skill.Queue).SeatChanged(Availability(skill));

    private SeatAvailability Availability(SeatSkill skill) => new(Id, skill.Level, S.State == SeatState.Ready, S.IdleSince, S.CallsToday);

    /// <summary>The seat's skill for <paramref name="queue"/>; null if it does not serve it.</summary>
    private SeatSkill? Skill(string? queue) => S.Definition?.Skills.FirstOrDefault(s => s.Queue == queue);

    private void RequireDefined()
    {
        if (S.Definition is null)
        {
            throw new NotConfiguredException("Seat", Id);
        }
    }

    private SeatSnapshot Snapshot() => new(
        Id, S.Definition!, S.Agent, S.State, S.Reason, S.Since, S.CallId, S.PhoneRegistered,
        new SeatCounters(S.Day, S.CallsToday, S.TalkSecondsToday, S.MissedToday, new Dictionary<string, double>(S.NotReadySecondsToday)),
        S.OfferQueue,
        S.Monitoring,
        S.MonitoredBy,
        S.Messages.ToArray());

    /// <summary>
    /// Persists the seat and, while the write is on its way, tells the wallboard (left in the silo's inbox for its
    /// notifier, which batches): the wall shows the seat as it is held, a write's wait is not the wall's. Should the silo die before the
    /// write lands, the board asks every seat again after the failover, so the wall follows what was kept.
    /// </summary>
    private async Task Save()
    {
        var writing = seat.WriteStateAsync();
        if (S.Definition is not null)
        {
            wall.Tell(GrainFactory, MonitorTiles.Seat(Snapshot()));
        }

        await writing;
        if (S.State is not (SeatState.Reserved or SeatState.OnCall))
        {
            // The spans of an offer and its call go to the store together once the call ends (they are kept with the
            // seat meanwhile): one hand-over per call instead of one per step.
            _ = WriteSpans();
        }
    }
}
