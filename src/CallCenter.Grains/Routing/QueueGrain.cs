namespace CallCenter.Routing;

/// <summary>
/// The ACD for one queue. Not reentrant: one decision at a time, so a call is offered to one seat at a time.
/// The seat's own state machine refuses a second offer, so a seat serving several queues is never double-booked.
/// </summary>
[GrainType("queue")]
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Grains)] IPersistentState<QueueRecord> queue,
    CallCenterClock clock,
    ILogger<QueueGrain> logger) : Grain, IQueueGrain, IRemindable
{
    private const string KeepAliveReminder = "acd";
    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan CheckWaitingEvery = TimeSpan.FromSeconds(30);
    private IGrainTimer? ticker;
    private IGrainTimer? seatWrite;
    private bool seatsDirty;
    private long seatsAskedAt = Environment.TickCount64;
    private DateTimeOffset waitingCheckedAt;
    private bool keepAliveRegistered;

    private string Id => this.GetPrimaryKeyString();
    private QueueRecord Q => queue.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Q.Entries.Count > 0)
        {
            StartTicking();
        }

        AskSeats();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (seatsDirty)
        {
            await Save();
        }
    }

    async Task<QueueDefinition> IQueueGrain.Define(QueueDefinition definition)
    {
        Q.Definition = definition;
        RollDay();
        await Save();
        return definition;
    }

    Task<QueueDefinition> IQueueGrain.GetDefinition() =>
        Task.FromResult(Q.Definition ?? throw new NotConfiguredException("Queue", Id));

    Task<IReadOnlyList<string>> IQueueGrain.LiveCalls() =>
        Task.FromResult<IReadOnlyList<string>>(Q.Entries.Where(e => !e.Callback).Select(e => e.CallId).ToArray());

    Task<QueueStats> IQueueGrain.GetStats()
    {
        RequireDefined();
        return Task.FromResult(Stats());
    }

    private QueueStats Stats()
    {
        RollDay();
        var now = clock.Now;
        var d = Q.Today;
        var finished = d.Answered + d.Abandoned;
        var onLine = Q.Entries.Where(e => !e.Callback).ToList();
        return new QueueStats(
            Id,
            Waiting: onLine.Count,
            Ringing: Q.Entries.Count(e => e.OfferedTo is not null),
            Callbacks: Q.Entries.Count(e => e.Callback),
            LongestWaitSeconds: onLine.Count == 0 ? 0 : onLine.Max(e => (now - e.EnteredAt).TotalSeconds),
            d.Offered,
            d.Answered,
            d.AnsweredWithinServiceLevel,
            d.Abandoned,
            d.OverflowedOut,
            ServiceLevelPercent: finished == 0 ? null : Math.Round(100.0 * d.AnsweredWithinServiceLevel / finished, 1),
            SeatsAvailable: Q.Seats.Values.Count(s => s.Available),
            RecentAbandoned: d.RecentAbandoned.ToArray(),
            ServiceLevelPercent15Minutes: QuarterHourLevel(now),
            AverageHandleSeconds: d.Handled == 0 ? null : Math.Round(d.HandleSeconds / d.Handled, 1),
            AverageSpeedOfAnswerSeconds: d.Answered == 0 ? null : Math.Round(d.AnswerWaitSeconds / d.Answered, 1),
            AbandonPercent: finished == 0 ? null : Math.Round(100.0 * d.Abandoned / finished, 1));
    }

    async Task IQueueGrain.Enqueue(QueuedCall call)
    {
        RequireDefined();
        RollDay();
        if (Q.Entries.Any(e => e.CallId == call.CallId))
        {
            return;
        }

        Q.Entries.Add(new QueueEntry
        {
            CallId = call.CallId,
            Caller = call.Caller,
            Priority = call.Priority,
            Sequence = Q.NextSequence++,
            EnteredAt = call.EnteredAt,
        });
        Q.Today.Offered++;
        await Save();
        await KeepAlive();
        await Dispatch();
    }

    Task IQueueGrain.AcceptOverflow(QueuedCall call) => ((IQueueGrain)this).Enqueue(call);

    async Task IQueueGrain.CallLeft(string callId, QueueExit exit, string? seatId)
    {
        RollDay();
        var entry = Q.Entries.FirstOrDefault(e => e.CallId == callId);
        if (entry is null)
        {
            return;
        }

        switch (exit)
        {
            case QueueExit.Answered:
                Remove(entry);
                CountAnswered(entry);
                break;
            case QueueExit.Abandoned:
                await WithdrawOffer(entry);
                Remove(entry);
                CountAbandoned(entry);
                break;
            case QueueExit.CallbackRequested:
                await WithdrawOffer(entry);
                entry.Callback = true;
                break;
        }

        await Save();
        await Dispatch();
    }

    async Task IQueueGrain.CallHandled(string callId, double seconds)
    {
        RollDay();
        Q.Today.Handled++;
        Q.Today.HandleSeconds += Math.Max(0, seconds);
        await Save();
    }

    /// <summary>
    /// Who serves the queue is written at once; a seat going Ready or not only changes memory and is written with the
    /// next write, or a second later (write merging: a busy queue hears hundreds of these a second). After a crash the
    /// queue asks its seats again on activation, so nothing is lost for long.
    /// </summary>
    async Task IQueueGrain.SeatChanged(SeatAvailability availability)
    {
        var member = Q.Seats.TryGetValue(availability.SeatId, out var known);
        if (availability.Level <= 0)
        {
            Q.Seats.Remove(availability.SeatId);
        }
        else
        {
            var seat = known ?? (Q.Seats[availability.SeatId] = new QueueSeat { SeatId = availability.SeatId });
            member &= seat.Level == availability.Level;
            seat.Level = availability.Level;
            seat.Available = availability.Available;
            seat.IdleSince = availability.IdleSince;
            seat.CallsToday = availability.CallsToday;
        }

        if (member && availability.Level > 0)
        {
            seatsDirty = true;
            seatWrite ??= this.RegisterGrainTimer(WriteSeats, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
            ReportTile();
        }
        else
        {
            await Save();
        }

        if (availability.Available)
        {
            await Dispatch();
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder only brings the queue back after a restart; the timer does the work.
        StartTicking();
        await Tick();
    }

    private async Task Tick()
    {
        if (Q.Definition is null)
        {
            return;
        }

        RollDay();
        var now = clock.Now;
        foreach (var entry in Q.Entries.Where(e => e.OfferExpiresAt <= now).ToList())
        {
            await ExpireOffer(entry);
        }

        foreach (var entry in Q.Entries.Where(e => e.HandingTo is not null).ToList())
        {
            await HandOver(entry);
        }

        if (Q.Definition.Overflow is { } overflow && overflow.ToQueue != Id)
        {
            foreach (var entry in Q.Entries.Where(e => e.OfferedTo is null && e.HandingTo is null && (now - e.EnteredAt).TotalSeconds >= overflow.AfterSeconds).ToList())
            {
                await Overflow(entry, overflow.ToQueue);
            }
        }

        if (now - waitingCheckedAt > CheckWaitingEvery)
        {
            await CheckWaiting(now);
        }

        await Dispatch();
        if (Q.Entries.Any(e => e.OfferedTo is null && !e.Callback) && !Q.Seats.Values.Any(s => s.Available) && Environment.TickCount64 - seatsAskedAt > 5_000)
        {
            AskSeats();
        }

        await KeepAlive();
    }

    /// <summary>
    /// Availability is written a second late (see SeatChanged), and a one-way report to a seat on a silo that just died
    /// is lost: so the queue asks its seats where they stand on activation, and again every five seconds while calls
    /// wait and no seat looks free.
    /// </summary>
    private void AskSeats()
    {
        seatsAskedAt = Environment.TickCount64;
        foreach (var seat in Q.Seats.Keys)
        {
            _ = GrainFactory.GetGrain<ISeatRoutingGrain>(seat).ReportAvailability();
        }
    }

    /// <summary>Offers waiting calls to free seats until one of the two runs out.</summary>
    private async Task Dispatch()
    {
        if (Q.Definition is not { } definition)
        {
            return;
        }

        foreach (var entry in AcdRanking.CallsInOrder(Q.Entries).ToList())
        {
            var seats = AcdRanking.SeatsInOrder(Q.Seats.Values, definition.Strategy, Q.LastRoundRobinSeat);
            if (seats.Count == 0)
            {
                return;
            }

            foreach (var seat in seats)
            {
                if (await TryOffer(entry, seat, definition))
                {
                    break;
                }
            }
        }
    }

    private async Task<bool> TryOffer(QueueEntry entry, QueueSeat seat, QueueDefinition definition)
    {
        // Write the intent first: if this silo dies now, the reactivated queue expires the offer and frees the seat.
        entry.OfferedTo = seat.SeatId;
        entry.OfferExpiresAt = clock.Now.AddSeconds(definition.RingTimeoutSeconds);
        entry.OfferConfirmed = false;
        seat.Available = false;
        await Save();

        var agent = await GrainFactory.GetGrain<ISeatRoutingGrain>(seat.SeatId).TryReserve(entry.CallId, Id);
        if (agent is null)
        {
            ClearOffer(entry);
            await Save();
            return false;
        }

        try
        {
            await GrainFactory.GetGrain<ICallGrain>(entry.CallId).Apply(new CallEvent(CallEventKind.Offer, seat.SeatId, Id, Agent: agent));
        }
        catch (IllegalTransitionException)
        {
            // The call left while we chose a seat (caller hung up): free the seat, settle the call.
            await GrainFactory.GetGrain<ISeatRoutingGrain>(seat.SeatId).OfferWithdrawn(entry.CallId);
            ClearOffer(entry);
            await Reconcile(entry);
            await Save();
            return true;
        }

        entry.OfferConfirmed = true;
        Q.LastRoundRobinSeat = seat.SeatId;
        await Save();
        Send(CtiCommandKinds.Offer, entry, seat.SeatId);
        return true;
    }

    private async Task ExpireOffer(QueueEntry entry)
    {
        var seatId = entry.OfferedTo!;
        await GrainFactory.GetGrain<ISeatRoutingGrain>(seatId).OfferTimedOut(entry.CallId);
        ClearOffer(entry);
        try
        {
            await GrainFactory.GetGrain<ICallGrain>(entry.CallId).Apply(new CallEvent(CallEventKind.OfferRevoked, seatId, Id, "ring timeout"));
            Send(CtiCommandKinds.CancelOffer, entry, seatId);
        }
        catch (IllegalTransitionException)
        {
            // The call moved on without us hearing of it (e.g. answered while a silo failed).
            await Reconcile(entry);
        }
        catch (NotConfiguredException)
        {
            Remove(entry);
        }

        await Save();
    }

    private async Task Overflow(QueueEntry entry, string target)
    {
        try
        {
            await GrainFactory.GetGrain<ICallGrain>(entry.CallId).Apply(new CallEvent(CallEventKind.Overflow, null, target, $"waited {Q.Definition!.Overflow!.AfterSeconds}s"));
        }
        catch (IllegalTransitionException)
        {
            await Reconcile(entry);
            await Save();
            return;
        }

        entry.HandingTo = target;
        Q.Today.OverflowedOut++;
        await Save();
        await HandOver(entry);
    }

    /// <summary>
    /// Gives an overflowed call to its new queue and forgets it only once that queue has it; while the new queue cannot
    /// be reached (its silo died) the entry stays here and every tick tries again. A repeat is harmless (enqueue is idempotent).
    /// </summary>
    private async Task HandOver(QueueEntry entry)
    {
        try
        {
            await GrainFactory.GetGrain<IQueueGrain>(entry.HandingTo!).AcceptOverflow(new QueuedCall(entry.CallId, entry.Caller, entry.Priority, clock.Now));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            logger.LogWarning(e, "Queue {Queue} could not hand call {Call} to queue {Target}; retrying", Id, entry.CallId, entry.HandingTo);
            return;
        }

        Remove(entry);
        await Save();
    }

    /// <summary>
    /// Every 30 seconds, each call waiting here longer than that is compared with the call itself: one that was
    /// answered, abandoned or moved on without this queue hearing of it (the notice was lost to a dying silo) stops
    /// counting as waiting. Each such repair is logged.
    /// </summary>
    private async Task CheckWaiting(DateTimeOffset now)
    {
        waitingCheckedAt = now;
        var changed = false;
        foreach (var entry in Q.Entries.Where(e => e.OfferedTo is null && e.HandingTo is null && !e.Callback && now - e.EnteredAt > CheckWaitingEvery).ToList())
        {
            await Reconcile(entry);
            if (!Q.Entries.Contains(entry) || entry.Callback)
            {
                logger.LogWarning("Queue {Queue} still held call {Call} as waiting after it moved on: repaired", Id, entry.CallId);
                changed = true;
            }
        }

        if (changed)
        {
            await Save();
        }
    }

    /// <summary>Brings an entry in line with its call after a missed notification.</summary>
    private async Task Reconcile(QueueEntry entry)
    {
        CallSnapshot call;
        try
        {
            call = await GrainFactory.GetGrain<ICallGrain>(entry.CallId).Get();
        }
        catch (NotConfiguredException)
        {
            Remove(entry);
            return;
        }

        switch (call.State)
        {
            case CallState.Abandoned:
                Remove(entry);
                CountAbandoned(entry);
                break;
            case CallState.Connected or CallState.Held or CallState.WrapUp or CallState.Ended:
                Remove(entry);
                CountAnswered(entry);
                break;
            case CallState.CallbackRequested:
                entry.Callback = true;
                break;
            default:
                if (call.Queue != Id)
                {
                    Remove(entry);
                }

                break;
        }
    }

    private async Task WithdrawOffer(QueueEntry entry)
    {
        if (entry.OfferedTo is { } seatId)
        {
            await GrainFactory.GetGrain<ISeatRoutingGrain>(seatId).OfferWithdrawn(entry.CallId);
            Send(CtiCommandKinds.CancelOffer, entry, seatId);
            ClearOffer(entry);
        }
    }

    private void CountAnswered(QueueEntry entry)
    {
        Q.Today.Answered++;
        var waited = Math.Max(0, (clock.Now - entry.EnteredAt).TotalSeconds);
        Q.Today.AnswerWaitSeconds += waited;
        var within = waited <= Q.Definition!.ServiceLevelSeconds;
        if (within)
        {
            Q.Today.AnsweredWithinServiceLevel++;
        }

        Finished(within);
    }

    private void Finished(bool withinServiceLevel)
    {
        var now = clock.Now;
        Q.Today.LastQuarterHour.RemoveAll(f => now - f.At > QuarterHour);
        Q.Today.LastQuarterHour.Add(new FinishedCall(now, withinServiceLevel));
    }

    private double? QuarterHourLevel(DateTimeOffset now)
    {
        var recent = Q.Today.LastQuarterHour.Where(f => now - f.At <= QuarterHour).ToList();
        return recent.Count == 0 ? null : Math.Round(100.0 * recent.Count(f => f.WithinServiceLevel) / recent.Count, 1);
    }

    private void CountAbandoned(QueueEntry entry)
    {
        var now = clock.Now;
        Q.Today.Abandoned++;
        Finished(withinServiceLevel: false);
        Q.Today.RecentAbandoned.Insert(0, new AbandonedCall(entry.CallId, AcdRanking.MaskCaller(entry.Caller), Math.Round((now - entry.EnteredAt).TotalSeconds, 1), now));
        if (Q.Today.RecentAbandoned.Count > QueueDay.AbandonedKept)
        {
            Q.Today.RecentAbandoned.RemoveAt(Q.Today.RecentAbandoned.Count - 1);
        }
    }

    private void Remove(QueueEntry entry) => Q.Entries.Remove(entry);

    private static void ClearOffer(QueueEntry entry)
    {
        entry.OfferedTo = null;
        entry.OfferExpiresAt = null;
        entry.OfferConfirmed = false;
    }

    private void Send(string kind, QueueEntry entry, string seatId) =>
        _ = Deliver(new CtiCommand(kind, entry.CallId, seatId, entry.Caller, Id, clock.Now));

    /// <summary>
    /// The bus is one grain: while its silo is dying a command to it fails, so it is sent again every second for up
    /// to 15 seconds (an offer only while it still stands), and the phone rings late rather than never.
    /// </summary>
    private async Task Deliver(CtiCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GrainFactory.GetGrain<ICtiCommandBus>(0).Send(command);
                if (attempt > 1)
                {
                    logger.LogInformation("Queue {Queue} delivered {Kind} of call {Call} to seat {Seat} on attempt {Attempt}", Id, command.Kind, command.CallId, command.SeatId, attempt);
                }

                return;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                if (attempt >= 15)
                {
                    logger.LogWarning(e, "Queue {Queue} gave up sending {Kind} of call {Call} to seat {Seat}", Id, command.Kind, command.CallId, command.SeatId);
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
            if (command.Kind == CtiCommandKinds.Offer && !Q.Entries.Any(e => e.CallId == command.CallId && e.OfferedTo == command.SeatId))
            {
                return;
            }
        }
    }

    private void RollDay()
    {
        var today = clock.Today;
        if (Q.Today.Day != today)
        {
            Q.Today = new QueueDay { Day = today };
        }
    }

    private void StartTicking()
    {
        ticker ??= this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500)));
    }

    /// <summary>A durable reminder keeps a queue with calls alive across restarts; an empty queue drops it.</summary>
    private async Task KeepAlive()
    {
        if (Q.Entries.Count > 0)
        {
            StartTicking();
            if (!keepAliveRegistered)
            {
                await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                keepAliveRegistered = true;
            }
        }
        else if (ticker is not null || keepAliveRegistered)
        {
            ticker?.Dispose();
            ticker = null;
            keepAliveRegistered = false;
            if (await this.GetReminder(KeepAliveReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>Persists the queue, then tells the wallboard (one-way, batched by the local notifier).</summary>
    private async Task WriteSeats()
    {
        seatWrite?.Dispose();
        seatWrite = null;
        if (seatsDirty)
        {
            await Save();
        }
    }

    private async Task Save()
    {
        await queue.WriteStateAsync();
        seatsDirty = false;
        ReportTile();
    }

    private void ReportTile()
    {
        if (Q.Definition is { } definition)
        {
            _ = GrainFactory.GetGrain<IMonitorNotifier>(0).QueueChanged(MonitorTiles.Queue(Id, definition, Stats(), clock.Now));
        }
    }

    private void RequireDefined()
    {
        if (Q.Definition is null)
        {
            throw new NotConfiguredException("Queue", Id);
        }
    }
}
