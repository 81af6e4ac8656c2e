using Orleans.Utilities;

namespace CallCenter.Monitoring;

/// <summary>
/// The wallboard's source of truth: the latest tile of every seat and queue with a version. On activation (first
/// start, restart, failover) it asks every known seat and queue for its current state, so nothing stale survives;
/// a new epoch tells connected clients to fetch a fresh snapshot. When another silo is declared dead it asks them all
/// again and sends what it learnt: changes waiting in that silo's notifier die with it.
/// </summary>
[GrainType("monitor-board")]
public sealed class MonitorBoard(
    [PersistentState("monitor-board", StorageNames.Grains)] IPersistentState<MonitorBoardRecord> known,
    CallCenterClock clock,
    IOptions<AlertRules> rules,
    IAlertHistory history,
    IClusterMembershipService membership,
    ILogger<MonitorBoard> logger) : Grain, IMonitorBoard
{
    private readonly ObserverManager<IMonitorObserver> observers = new(TimeSpan.FromMinutes(2), logger);
    private readonly Dictionary<string, SeatTile> seats = [];
    private readonly Dictionary<string, QueueTile> queues = [];
    private readonly Dictionary<string, DutyTile> duty = [];
    private readonly Dictionary<string, QualityTile> quality = [];
    private readonly AlertDebounce debounce = new();
    private const int UnwrittenKeptAtMost = 10_000;
    private readonly List<Alert> unwrittenHistory = [];
    private Task historyWrite = Task.CompletedTask;
    private readonly string epoch = Guid.NewGuid().ToString("N")[..12];
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan AskAtMost = TimeSpan.FromSeconds(5);
    private long version;
    private DateTimeOffset lastSent;
    private bool membersUnsaved;
    private MembershipVersion membershipSeen;
    private HashSet<SiloAddress> deadSeen = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (membershipSeen, deadSeen) = (membership.CurrentSnapshot.Version, DeadSilos());
        await AskSeatsAndQueues();
        foreach (var id in known.State.Shifts.Where(s => s.Value == clock.Today).Select(s => s.Key))
        {
            try
            {
                duty[id] = await GrainFactory.GetGrain<IShiftGrain>(id).Tile();
            }
            catch (NotConfiguredException)
            {
            }
        }

        foreach (var agent in known.State.Agents)
        {
            if (await GrainFactory.GetGrain<IAgentQualityGrain>(agent).Get() is { } tile)
            {
                quality[agent] = tile;
            }
        }

        // Time alone raises alerts (a seat NotReady too long), so look again every second.
        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
    }

    async Task IMonitorBoard.Publish(IReadOnlyList<SeatTile> changedSeats, IReadOnlyList<QueueTile> changedQueues)
    {
        var added = false;
        foreach (var tile in changedSeats)
        {
            seats[tile.SeatId] = tile;
            added |= known.State.Seats.Add(tile.SeatId);
        }

        foreach (var tile in changedQueues)
        {
            queues[tile.QueueId] = tile;
            added |= known.State.Queues.Add(tile.QueueId);
        }

        // A write that failed leaves the set unsaved; the notifier sends the same tiles again, which are no longer
        // "added", so the flag (not the addition) decides, or a reactivated board would forget those seats.
        membersUnsaved |= added;
        if (membersUnsaved)
        {
            await known.WriteStateAsync();
            membersUnsaved = false;
        }

        await Broadcast(changedSeats, changedQueues);
    }

    async Task IMonitorBoard.DutyChanged(DutyTile shift)
    {
        var today = clock.Today;
        if (shift.Shift.Date != today)
        {
            return;
        }

        duty[shift.ShiftId] = shift;
        var stale = known.State.Shifts.Where(s => s.Value != today).Select(s => s.Key).ToList();
        foreach (var old in stale)
        {
            known.State.Shifts.Remove(old);
            duty.Remove(old);
        }

        // Only which shifts exist is stored; a status change of a known shift needs no write.
        if (known.State.Shifts.TryAdd(shift.ShiftId, today) || stale.Count > 0)
        {
            await known.WriteStateAsync();
        }
        var alerts = await EvaluateAlerts();
        await Send(new MonitorBatch(epoch, ++version, [], [], alerts, [shift]));
    }

    async Task IMonitorBoard.QualityChanged(QualityTile tile)
    {
        quality[tile.Agent] = tile;
        if (known.State.Agents.Add(tile.Agent))
        {
            await known.WriteStateAsync();
        }

        await Send(new MonitorBatch(epoch, ++version, [], [], [], Quality: [tile]));
    }

    async Task<Alert> IMonitorBoard.Acknowledge(string key, string supervisor, string? note)
    {
        if (!known.State.OpenAlerts.TryGetValue(key, out var alert))
        {
            throw new NotConfiguredException("Open alert", key);
        }

        alert = alert with { AcknowledgedBy = supervisor, AcknowledgedAt = clock.Now, Note = note };
        known.State.OpenAlerts[key] = alert;
        await known.WriteStateAsync();
        WriteHistory([alert]);
        await Send(new MonitorBatch(epoch, ++version, [], [], [alert]));
        return alert;
    }

    /// <summary>
    /// A quiet board still sends an empty batch every few seconds: a host or client that lost the last batch before a
    /// quiet spell sees the gap in the versions and fetches a snapshot, instead of showing a stale seat until the next change.
    /// </summary>
    private async Task Tick()
    {
        if (SiloDied())
        {
            // Changes that died in that silo's notifier, or that it announced and never wrote, are put right here.
            var (seatTiles, queueTiles) = await AskSeatsAndQueues();
            logger.LogInformation("A silo died: the board asked its {Seats} seats and {Queues} queues again", seatTiles.Count, queueTiles.Count);
            await Broadcast(seatTiles, queueTiles);
        }
        else
        {
            await Broadcast([], []);
        }

        if (clock.Now - lastSent >= Heartbeat)
        {
            await Send(new MonitorBatch(epoch, ++version, [], [], []));
        }
    }

    /// <summary>
    /// Asks every known seat and queue for its state, all at once, and keeps the answers; one that cannot answer within
    /// <see cref="AskAtMost"/> (its silo just died) keeps the tile the board has, so the board is never held up long.
    /// </summary>
    private async Task<(List<SeatTile> Seats, List<QueueTile> Queues)> AskSeatsAndQueues()
    {
        var seatTiles = (await Task.WhenAll(known.State.Seats.Select(id => Ask(id, async () => MonitorTiles.Seat(await GrainFactory.GetGrain<ISeatGrain>(id).Get())))))
            .OfType<SeatTile>().ToList();
        var queueTiles = (await Task.WhenAll(known.State.Queues.Select(id => Ask(id, async () =>
        {
            var queue = GrainFactory.GetGrain<IQueueGrain>(id);
            return MonitorTiles.Queue(id, await queue.GetDefinition(), await queue.GetStats(), clock.Now);
        })))).OfType<QueueTile>().ToList();
        seatTiles.ForEach(t => seats[t.SeatId] = t);
        queueTiles.ForEach(t => queues[t.QueueId] = t);
        return (seatTiles, queueTiles);

        async Task<T?> Ask<T>(string id, Func<Task<T>> ask) where T : class
        {
            try
            {
                return await ask().WaitAsync(AskAtMost);
            }
            catch (NotConfiguredException)
            {
                return null;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                logger.LogWarning(e, "The board could not ask {Id} for its state; it keeps the tile it has", id);
                return null;
            }
        }
    }

    /// <summary>True once for each membership change that declares a silo dead.</summary>
    private bool SiloDied()
    {
        if (membership.CurrentSnapshot.Version == membershipSeen)
        {
            return false;
        }

        membershipSeen = membership.CurrentSnapshot.Version;
        var dead = DeadSilos();
        var died = !dead.IsSubsetOf(deadSeen);
        deadSeen = dead;
        return died;
    }

    private HashSet<SiloAddress> DeadSilos() =>
        [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress)];

    /// <summary>Re-evaluates the alert rules and sends whatever changed; nothing at all sends nothing.</summary>
    private async Task Broadcast(IReadOnlyList<SeatTile> changedSeats, IReadOnlyList<QueueTile> changedQueues)
    {
        var alerts = await EvaluateAlerts();
        if (changedSeats.Count + changedQueues.Count + alerts.Count > 0)
        {
            await Send(new MonitorBatch(epoch, ++version, changedSeats, changedQueues, alerts));
        }
    }

    private AlertRules Rules => known.State.Rules ?? rules.Value;

    Task<AlertRules> IMonitorBoard.GetRules() => Task.FromResult(Rules);

    async Task<AlertRules> IMonitorBoard.SetRules(AlertRules saved)
    {
        known.State.Rules = saved;
        await known.WriteStateAsync();
        return saved;
    }

    private Task Send(MonitorBatch batch)
    {
        lastSent = clock.Now;
        return observers.Notify(o => o.OnBatch(batch));
    }

    private async Task<List<Alert>> EvaluateAlerts()
    {
        var now = clock.Now;
        var open = known.State.OpenAlerts;
        var holding = AlertEvaluator.Holding(seats.Values, queues.Values, Rules, now, open.Keys.ToHashSet());
        foreach (var alert in AlertEvaluator.Duty(duty.Values, now))
        {
            holding[alert.Key] = alert;
        }

        var changed = debounce.Apply(holding, open, Rules, now);
        if (changed.Count > 0)
        {
            await known.WriteStateAsync();
        }

        WriteHistory(changed);
        return changed;
    }

    /// <summary>
    /// Raised, acknowledged and cleared alerts go to the history, one write at a time and never awaited by the
    /// wallboard's evaluation: a slow or failing query store delays the history, not the board. A refused write is
    /// tried again with the next change or tick. The board's own state keeps open alerts, so a clearing written after a
    /// crash still carries the acknowledgement.
    /// </summary>
    private void WriteHistory(IReadOnlyList<Alert> alerts)
    {
        unwrittenHistory.AddRange(alerts);
        if (unwrittenHistory.Count > UnwrittenKeptAtMost)
        {
            logger.LogError("The alert history store has refused writes for long: {Count} oldest alerts dropped from it", unwrittenHistory.Count - UnwrittenKeptAtMost);
            unwrittenHistory.RemoveRange(0, unwrittenHistory.Count - UnwrittenKeptAtMost);
        }

        if (unwrittenHistory.Count == 0 || !historyWrite.IsCompleted)
        {
            return;
        }

        var batch = unwrittenHistory.ToList();
        unwrittenHistory.Clear();
        historyWrite = PutHistory(batch);
    }

    private async Task PutHistory(List<Alert> batch)
    {
        try
        {
            await history.Put(batch);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Writing {Count} alerts to the history failed; retrying", batch.Count);
            unwrittenHistory.InsertRange(0, batch);
        }
    }

    Task<MonitorSnapshot> IMonitorBoard.Snapshot() =>
        Task.FromResult(new MonitorSnapshot(
            epoch, version, seats.Values.OrderBy(s => s.SeatId).ToArray(), queues.Values.OrderBy(q => q.QueueId).ToArray(),
            known.State.OpenAlerts.Values.OrderBy(a => a.RaisedAt).ToArray(),
            duty.Values.Where(d => d.Shift.Date == clock.Today).OrderBy(d => d.Shift.Start).ThenBy(d => d.DepartmentName).ToArray(),
            quality.Values.OrderBy(q => q.Agent).ToArray()));

    Task IMonitorBoard.Subscribe(IMonitorObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    Task IMonitorBoard.Unsubscribe(IMonitorObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
