using Orleans.Utilities;

namespace CallCenter.Monitoring;

/// <summary>
/// The wallboard's source of truth: the latest tile of every seat and queue with a version. On activation (first
/// start, restart, failover) it asks every known seat and queue for its current state, so nothing stale survives;
/// a new epoch tells connected clients to fetch a fresh snapshot.
/// </summary>
[GrainType("monitor-board")]
public sealed class MonitorBoard(
    [PersistentState("monitor-board", StorageNames.Grains)] IPersistentState<MonitorBoardRecord> known,
    CallCenterClock clock,
    ILogger<MonitorBoard> logger) : Grain, IMonitorBoard
{
    private readonly ObserverManager<IMonitorObserver> observers = new(TimeSpan.FromMinutes(2), logger);
    private readonly Dictionary<string, SeatTile> seats = [];
    private readonly Dictionary<string, QueueTile> queues = [];
    private readonly string epoch = Guid.NewGuid().ToString("N")[..12];
    private long version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(known.State.Seats.Select(async id =>
        {
            try
            {
                seats[id] = MonitorTiles.Seat(await GrainFactory.GetGrain<ISeatGrain>(id).Get());
            }
            catch (NotConfiguredException)
            {
            }
        }));
        foreach (var id in known.State.Queues)
        {
            try
            {
                var queue = GrainFactory.GetGrain<IQueueGrain>(id);
                queues[id] = MonitorTiles.Queue(id, await queue.GetDefinition(), await queue.GetStats(), clock.Now);
            }
            catch (NotConfiguredException)
            {
            }
        }
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

        if (added)
        {
            await known.WriteStateAsync();
        }

        var batch = new MonitorBatch(epoch, ++version, changedSeats, changedQueues);
        await observers.Notify(o => o.OnBatch(batch));
    }

    Task<MonitorSnapshot> IMonitorBoard.Snapshot() =>
        Task.FromResult(new MonitorSnapshot(epoch, version, seats.Values.OrderBy(s => s.SeatId).ToArray(), queues.Values.OrderBy(q => q.QueueId).ToArray()));

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
