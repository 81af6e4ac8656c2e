namespace CallCenter.Routing;

/// <summary>
/// The ACD for one queue. Each decision (which call goes to which seat) is taken in one synchronous step, so a call is
/// offered to one seat at a time; the offer itself (reserve the seat, mark the call, ring the phone) then runs on its
/// own, so many offers are in flight at once. The seat's own state machine refuses a second offer, so a seat serving
/// several queues is never double-booked.
/// Writes are merged: one write of the queue is in flight at a time and carries every change made before it began.
/// Only a new call waits for its write; everything else a crash could lose is rebuilt from the calls and seats
/// (see <see cref="Reconcile"/>, <see cref="AskSeats"/>), and which seats are free is never written at all. Who serves
/// the queue is stored apart (<see cref="QueueSeats"/>) and written only when a seat joins, leaves or changes level.
/// </summary>
[GrainType("queue")]
public sealed class QueueGrain(
    [PersistentState("queue", StorageNames.Grains)] IPersistentState<QueueRecord> queue,
    [PersistentState("queue-seats", StorageNames.Grains)] IPersistentState<QueueSeats> members,
    CallCenterClock clock,
    MonitorInbox wall,
    ILogger<QueueGrain> logger) : Grain, IQueueGrain, IRemindable
{
    private const string KeepAliveReminder = "acd";
    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan CheckWaitingEvery = TimeSpan.FromSeconds(30);

    /// <summary>Calls compared with their calls in one check; a longer queue is checked a slice per turn of its timer.</summary>
    public const int CheckWaitingAtMost = 200;
    private static readonly TimeSpan TileEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MergeWritesFor = TimeSpan.FromMilliseconds(100);
    private const int RestFromWaiting = 500;
    private static readonly TimeSpan RestPerWaitingCall = TimeSpan.FromMicroseconds(25);
    private static readonly TimeSpan RestAtMost = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource deactivating = new();
    private IGrainTimer? ticker;
    private IGrainTimer? tileTimer;
    private IGrainTimer? writeTimer;
    private IGrainTimer? settling;
    private long tileSentAt;
    private bool unwritten;
    private bool seatsUnwritten;
    private bool writing;
    private Task writes = Task.CompletedTask;
    private TaskCompletionSource? awaitingWrite;
    private long seatsAskedAt = Environment.TickCount64;
    private DateTimeOffset waitingCheckedAt;
    private long waitingCheckedThrough = -1;
    private bool keepAliveRegistered;
    private Task keepingAlive = Task.CompletedTask;
    private QueueEntries? entries;

    private string Id => this.GetPrimaryKeyString();
    private QueueRecord Q => queue.State;
    private QueueEntries Entries => entries ??= new QueueEntries(Q.Entries);
    private Dictionary<string, QueueSeat> Seats => members.State.Seats;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Q.FormerSeats is { } former)
        {
            // A record from before seats were kept apart: move them, seats first, so neither write can lose them.
            foreach (var (seatId, seat) in former)
            {
                Seats.TryAdd(seatId, seat);
            }

            await members.WriteStateAsync(cancellationToken);
            Q.FormerSeats = null;
            await queue.WriteStateAsync(cancellationToken);
        }

        if (Q.Entries.Count > 0)
        {
            StartTicking();
            settling = this.RegisterGrainTimer(SettleWithCalls, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        AskSeats();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        writeTimer?.Dispose();
        await deactivating.CancelAsync();
        await writes;
        if (seatsUnwritten)
        {
            await members.WriteStateAsync();
        }

        if (unwritten)
        {
            await queue.WriteStateAsync();
        }
    }

    async Task<QueueDefinition> IQueueGrain.Define(QueueDefinition definition)
    {
        Q.Definition = definition;
        RollDay();
        await Written();
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
            SeatsAvailable: Seats.Values.Count(s => s.Available),
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
        if (Entries.Find(call.CallId) is not null)
        {
            // A repeat (the first may still be on its way, or its write may have failed) is answered once a write
            // that carries the call is durable, like the first.
            await Written();
            return;
        }

        Entries.Add(new QueueEntry
        {
            CallId = call.CallId,
            Caller = call.Caller,
            Priority = call.Priority,
            Sequence = Q.NextSequence++,
            EnteredAt = call.EnteredAt,
        });
        Q.Today.Offered++;
        Dispatch();
        var written = Written();
        await KeepAlive();
        await written; // the softswitch hears "accepted" only once the waiting call is durable
    }

    Task IQueueGrain.AcceptOverflow(QueuedCall call) => ((IQueueGrain)this).Enqueue(call);

    async Task IQueueGrain.CallLeft(string callId, QueueExit exit, string? seatId)
    {
        RollDay();
        if (Entries.Find(callId) is not { } entry)
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

        Changed();
        Dispatch();
    }

    Task IQueueGrain.CallHandled(string callId, double seconds)
    {
        RollDay();
        Q.Today.Handled++;
        Q.Today.HandleSeconds += Math.Max(0, seconds);
        Changed();
        return Task.CompletedTask;
    }

    async Task IQueueGrain.SeatFinishedCall(string callId, double seconds, SeatAvailability? seat)
    {
        await ((IQueueGrain)this).CallHandled(callId, seconds);
        if (seat is not null)
        {
            await ((IQueueGrain)this).SeatChanged(seat);
        }
    }

    /// <summary>
    /// Who serves the queue, and at what level, is written; whether a seat is free is not (a busy queue hears
    /// hundreds of these a second): after a crash the queue asks its seats again on activation.
    /// </summary>
    Task IQueueGrain.SeatChanged(SeatAvailability availability)
    {
        var member = Seats.TryGetValue(availability.SeatId, out var known);
        if (availability.Level <= 0)
        {
            Seats.Remove(availability.SeatId);
        }
        else
        {
            var seat = known ?? (Seats[availability.SeatId] = new QueueSeat { SeatId = availability.SeatId });
            member &= seat.Level == availability.Level;
            seat.Level = availability.Level;
            seat.Available = availability.Available;
            seat.IdleSince = availability.IdleSince;
            seat.CallsToday = availability.CallsToday;
        }

        if (member && availability.Level > 0)
        {
            ReportTile();
        }
        else
        {
            seatsUnwritten = true;
            Changed();
        }

        if (availability.Available)
        {
            Dispatch();
        }

        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder only brings the queue back after a restart; the timer does the work.
        keepAliveRegistered = true;
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

        // Each kind all at once: the queue takes no other turn meanwhile, and a burst (a floor of phones not answering,
        // a backlog past its overflow time) must not hold it for a round trip and a write per call.
        await Task.WhenAll(Q.Entries.Where(e => e.OfferExpiresAt <= now).ToList().Select(ExpireOffer));
        await Task.WhenAll(Q.Entries.Where(e => e.HandingTo is not null).ToList().Select(HandOver));
        if (Q.Definition.Overflow is { } overflow && overflow.ToQueue != Id)
        {
            var due = Q.Entries.Where(e => AcdRanking.AwaitsSeat(e) && (now - e.EnteredAt).TotalSeconds >= overflow.AfterSeconds).ToList();
            await Task.WhenAll(due.Select(entry => Overflow(entry, overflow.ToQueue)));
        }

        if (now - waitingCheckedAt > CheckWaitingEvery)
        {
            await CheckWaiting(now);
        }

        Dispatch();
        if (Q.Entries.Any(e => e.OfferedTo is null && !e.Callback) && !Seats.Values.Any(s => s.Available) && Environment.TickCount64 - seatsAskedAt > 5_000)
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
        foreach (var seat in Seats.Keys)
        {
            _ = GrainFactory.GetGrain<ISeatRoutingGrain>(seat).ReportAvailability();
        }
    }

    /// <summary>
    /// Offers waiting calls to free seats until one of the two runs out. Each choice is made here, synchronously, and
    /// marked in memory (the seat is no longer free, the call is ringing) before its offer runs on its own.
    /// </summary>
    private void Dispatch()
    {
        if (Q.Definition is not { } definition)
        {
            return;
        }

        // Only as many seats as there are calls waiting, and as many calls as there are free seats, are ranked: a seat
        // freed with nobody waiting costs nothing, and a long queue no more than a short one.
        var waiting = Entries.Waiting;
        var seats = waiting == 0 ? [] : AcdRanking.SeatsInOrder(Seats.Values, definition.Strategy, Q.LastRoundRobinSeat, waiting);
        if (seats.Count == 0)
        {
            return;
        }

        var calls = Entries.Next(seats.Count);
        foreach (var (entry, seat) in calls.Zip(seats))
        {
            MarkOffered(entry, seat.SeatId, confirmed: false);
            seat.Available = false;
            Q.LastRoundRobinSeat = seat.SeatId;
            _ = Offer(entry, seat.SeatId);
        }
    }

    /// <summary>
    /// One offer: reserve the seat, mark the call, ring the phone. Other turns of the queue run while it waits, so after
    /// each wait it checks that the offer still stands (the caller may have hung up, the ring may have timed out). A
    /// seat that refuses is left marked busy until it reports again, and the call is offered to the next one.
    /// </summary>
    private async Task Offer(QueueEntry entry, string seatId)
    {
        var seat = GrainFactory.GetGrain<ISeatRoutingGrain>(seatId);
        try
        {
            string? agent;
            try
            {
                agent = await seat.TryReserve(entry.CallId, Id);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // If the seat took it after all, its own check with the call lets it go again.
                logger.LogWarning(e, "Queue {Queue} could not reserve seat {Seat} for call {Call}", Id, seatId, entry.CallId);
                agent = null;
            }

            if (!Offering(entry, seatId))
            {
                if (agent is not null)
                {
                    await seat.OfferWithdrawn(entry.CallId);
                }

                return;
            }

            if (agent is null)
            {
                ClearOffer(entry);
                Dispatch();
                return;
            }

            try
            {
                await GrainFactory.GetGrain<ICallGrain>(entry.CallId).Apply(new CallEvent(CallEventKind.Offer, seatId, Id, Agent: agent));
            }
            catch (IllegalTransitionException)
            {
                // The call left while we chose a seat (caller hung up): free the seat, settle the call.
                await seat.OfferWithdrawn(entry.CallId);
                if (Offering(entry, seatId))
                {
                    ClearOffer(entry);
                    await Reconcile(entry);
                    Changed();
                    Dispatch();
                }

                return;
            }

            if (Offering(entry, seatId))
            {
                entry.OfferConfirmed = true;
                Changed();
                Send(CtiCommandKinds.Offer, entry, seatId);
            }
        }
        catch (Exception e)
        {
            // Left standing, the offer is settled by its ring timeout.
            logger.LogWarning(e, "Queue {Queue} could not finish offering call {Call} to seat {Seat}", Id, entry.CallId, seatId);
        }
    }

    private bool Offering(QueueEntry entry, string seatId) => entry.OfferedTo == seatId && Entries.Holds(entry);

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

        Changed();
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
            Changed();
            return;
        }

        entry.HandingTo = target;
        Entries.Refile(entry);
        Q.Today.OverflowedOut++;
        await Written();
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
        Changed();
    }

    /// <summary>
    /// Every 30 seconds, each call waiting here longer than that is compared with the call itself: one that was
    /// answered, abandoned or moved on without this queue hearing of it (the notice was lost to a dying silo) stops
    /// counting as waiting. Each such repair is logged. The queue takes no other turn while its calls answer, so a long
    /// queue is checked <see cref="CheckWaitingAtMost"/> calls at a time, in the order they came, the next slice on the
    /// timer's next turn: thousands of waiting calls hold it for many short moments, not for one long one.
    /// </summary>
    private async Task CheckWaiting(DateTimeOffset now)
    {
        var slice = Q.Entries
            .Where(e => e.Sequence > waitingCheckedThrough && AcdRanking.AwaitsSeat(e) && !e.Callback && now - e.EnteredAt > CheckWaitingEvery)
            .Take(CheckWaitingAtMost).ToList();
        var more = slice.Count == CheckWaitingAtMost;
        (waitingCheckedThrough, waitingCheckedAt) = more ? (slice[^1].Sequence, DateTimeOffset.MinValue) : (-1, now);
        var repaired = await Settle(slice);
        foreach (var entry in repaired)
        {
            logger.LogWarning("Queue {Queue} still held call {Call} as waiting after it moved on: repaired", Id, entry.CallId);
        }

        if (repaired.Count > 0)
        {
            Changed();
        }
    }

    /// <summary>
    /// A queue's record can be one merged write behind its calls when it comes back (the silo that held it died with
    /// changes unwritten, or a notice to it was lost on the way): so on activation every call it holds is compared with
    /// the call itself, once, before the queue waits for ring timeouts or the 30-second check to notice.
    /// </summary>
    private async Task SettleWithCalls()
    {
        settling?.Dispose();
        var repaired = await Settle(Q.Entries.Where(e => e.HandingTo is null).ToList());
        if (repaired.Count > 0)
        {
            logger.LogWarning("Queue {Queue} came back from a record older than its calls: {Repaired} calls repaired", Id, repaired.Count);
            Changed();
            Dispatch();
            await KeepAlive();
        }
    }

    /// <summary>
    /// Compares these entries with their calls, all at once (a call on a silo that just died answers late, and the
    /// queue takes no other turn meanwhile), and returns the ones that changed. A call that cannot be reached is logged
    /// and left for the next check.
    /// </summary>
    private async Task<List<QueueEntry>> Settle(List<QueueEntry> entries)
    {
        var before = entries.ToDictionary(e => e, e => (e.OfferedTo, e.Callback));
        await Task.WhenAll(entries.Select(async entry =>
        {
            try
            {
                await Reconcile(entry);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                logger.LogWarning(e, "Queue {Queue} could not compare call {Call} with its record; the 30-second check will", Id, entry.CallId);
            }
        }));
        return entries.Where(e => !Entries.Holds(e) || before[e] != (e.OfferedTo, e.Callback)).ToList();
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
            case CallState.Offered when call.Queue == Id && call.SeatId is { } seatId && entry.OfferedTo is null:
                // Offered before a crash took the queue's note of it: the offer stands until its ring timeout.
                MarkOffered(entry, seatId, confirmed: true);
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

    /// <summary>Counts a finished call in its minute; minutes older than a quarter hour are dropped, so at most 16 are kept.</summary>
    private void Finished(bool withinServiceLevel)
    {
        var now = clock.Now;
        var minute = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, now.Offset);
        var minutes = Q.Today.QuarterHourMinutes;
        minutes.RemoveAll(m => now - m.Minute > QuarterHour);
        if (minutes is [.., var last] && last.Minute == minute)
        {
            minutes[^1] = last with { Finished = last.Finished + 1, WithinServiceLevel = last.WithinServiceLevel + (withinServiceLevel ? 1 : 0) };
        }
        else
        {
            minutes.Add(new FinishedMinute(minute, 1, withinServiceLevel ? 1 : 0));
        }
    }

    private double? QuarterHourLevel(DateTimeOffset now)
    {
        var recent = Q.Today.QuarterHourMinutes.Where(m => now - m.Minute <= QuarterHour).ToList();
        var finished = recent.Sum(m => m.Finished);
        return finished == 0 ? null : Math.Round(100.0 * recent.Sum(m => m.WithinServiceLevel) / finished, 1);
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

    private void Remove(QueueEntry entry) => Entries.Remove(entry);

    /// <summary>The call rings at the seat until its ring timeout; no longer among the calls awaiting a seat.</summary>
    private void MarkOffered(QueueEntry entry, string seatId, bool confirmed)
    {
        entry.OfferedTo = seatId;
        entry.OfferExpiresAt = clock.Now.AddSeconds(Q.Definition!.RingTimeoutSeconds);
        entry.OfferConfirmed = confirmed;
        Entries.Refile(entry);
    }

    private void ClearOffer(QueueEntry entry)
    {
        entry.OfferedTo = null;
        entry.OfferExpiresAt = null;
        entry.OfferConfirmed = false;
        Entries.Refile(entry);
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
            if (command.Kind == CtiCommandKinds.Offer && Entries.Find(command.CallId)?.OfferedTo != command.SeatId)
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

    /// <summary>
    /// A durable reminder keeps a queue with calls alive across restarts; an empty queue drops it. One reconciliation
    /// runs at a time and goes on until the reminder matches the calls: a call enqueued (which interleaves) while the
    /// reminder is being dropped joins it, rather than registering beside a drop that would then remove its reminder.
    /// </summary>
    private Task KeepAlive()
    {
        if (Q.Entries.Count > 0)
        {
            StartTicking();
        }
        else
        {
            ticker?.Dispose();
            ticker = null;
        }

        if (keepingAlive.IsCompleted)
        {
            keepingAlive = MatchReminderToCalls();
        }

        return keepingAlive;
    }

    private async Task MatchReminderToCalls()
    {
        while (Q.Entries.Count > 0 != keepAliveRegistered)
        {
            if (Q.Entries.Count > 0)
            {
                await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
                keepAliveRegistered = true;
            }
            else
            {
                if (await this.GetReminder(KeepAliveReminder) is { } reminder)
                {
                    await this.UnregisterReminder(reminder);
                }

                keepAliveRegistered = false;
            }
        }
    }

    /// <summary>Notes a change nothing waits for: it is written within 100 ms, with whatever else changed meanwhile.</summary>
    private void Changed()
    {
        unwritten = true;
        ReportTile();
        writeTimer ??= Once(MergeWritesFor, () =>
        {
            writeTimer = null;
            StartWriting();
        });
    }

    /// <summary>Notes a change and completes once a write carrying it is durable; the write starts at once.</summary>
    private Task Written()
    {
        var written = awaitingWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        unwritten = true;
        ReportTile();
        StartWriting();
        return written.Task;
    }

    private void StartWriting()
    {
        if (!writing)
        {
            writing = true;
            writes = WriteChanges();
        }
    }

    /// <summary>
    /// How long a queue rests after a write before the next. Its record carries every waiting call, so each write of a
    /// long queue serialises, copies and commits a large object whole; written back to back they drove the host into
    /// full collections and held up every other write. Past <see cref="RestFromWaiting"/> waiting calls the queue rests
    /// <see cref="RestPerWaitingCall"/> a call (at most a second), which holds its writes to about 5 MB a second however
    /// long it grows; the changes made meanwhile go in the next write, and a new call's "accepted" waits for it.
    /// </summary>
    public static TimeSpan RestAfterWrite(int waiting) =>
        waiting < RestFromWaiting ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(RestAtMost.Ticks, waiting * RestPerWaitingCall.Ticks));

    /// <summary>
    /// Writes while changes are waiting, one write at a time; changes made during a write go in the next one. A failed
    /// write is tried again a second later (a stale ETag, where another activation wrote, deactivates this one).
    /// </summary>
    private async Task WriteChanges()
    {
        try
        {
            await Task.Yield(); // let the turn that made the change finish it first
            while (unwritten)
            {
                unwritten = false;
                var seatsToo = seatsUnwritten;
                seatsUnwritten = false;
                var waiting = awaitingWrite;
                awaitingWrite = null;
                try
                {
                    if (seatsToo)
                    {
                        await members.WriteStateAsync();
                    }

                    await queue.WriteStateAsync();
                    waiting?.TrySetResult();
                    if (RestAfterWrite(Q.Entries.Count) is { Ticks: > 0 } rest)
                    {
                        await Task.Delay(rest, deactivating.Token).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
                    }
                }
                catch (Exception e)
                {
                    waiting?.TrySetException(e);
                    unwritten = true;
                    seatsUnwritten |= seatsToo;
                    if (e is Orleans.Storage.InconsistentStateException)
                    {
                        logger.LogError(e, "Queue {Queue} found its stored state changed by another activation; deactivating", Id);
                        DeactivateOnIdle();
                        return;
                    }

                    logger.LogWarning(e, "Queue {Queue} could not write its state; trying again in a second", Id);
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
        }
        finally
        {
            writing = false;
        }
    }

    /// <summary>Tells the wallboard (one-way, batched by the local notifier), at most every 100 ms and always the latest figures.</summary>
    private void ReportTile()
    {
        if (tileTimer is not null)
        {
            return;
        }

        if (Environment.TickCount64 - tileSentAt >= (long)TileEvery.TotalMilliseconds)
        {
            SendTile();
            return;
        }

        tileTimer = Once(TileEvery, () =>
        {
            tileTimer = null;
            SendTile();
        });
    }

    /// <summary>Runs <paramref name="then"/> once, <paramref name="after"/> from now, even while a turn of the queue waits.</summary>
    private IGrainTimer Once(TimeSpan after, Action then)
    {
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(() =>
        {
            timer?.Dispose();
            then();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(after, Timeout.InfiniteTimeSpan) { Interleave = true });
        return timer;
    }

    private void SendTile()
    {
        tileSentAt = Environment.TickCount64;
        if (Q.Definition is { } definition)
        {
            wall.Tell(GrainFactory, MonitorTiles.Queue(Id, definition, Stats(), clock.Now));
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
