namespace CallCenter.Monitoring;

/// <summary>
/// One per silo. Keeps the latest tile per seat and queue, flushes to the board every 50 ms, and never runs two
/// flushes at once (a flush still in flight lets the next changes wait for the following tick). It holds changes
/// between messages, so the runtime must not remove it as an idle worker (by default it does, half a second after any
/// moment when messages waited for it), and when it is deactivated all the same it sends what it holds first:
/// a change lost here leaves the wall showing a seat as it was until that seat changes again.
/// </summary>
[StatelessWorker(1, removeIdleWorkers: false)]
[GrainType("monitor-notifier")]
public sealed class MonitorNotifier(ILogger<MonitorNotifier> logger) : Grain, IMonitorNotifier
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private Dictionary<string, SeatTile> seats = [];
    private Dictionary<string, QueueTile> queues = [];
    private Task flushing = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(Window, Window) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await flushing.WaitAsync(cancellationToken);
            await Flush();
            await flushing.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        if (seats.Count + queues.Count > 0)
        {
            logger.LogWarning("{Seats} seat and {Queues} queue changes did not reach the board before this silo's notifier was deactivated ({Reason}); the board shows them at their next change",
                seats.Count, queues.Count, reason);
        }
    }

    Task IMonitorNotifier.SeatChanged(SeatTile seat)
    {
        seats[seat.SeatId] = seat;
        return Task.CompletedTask;
    }

    Task IMonitorNotifier.QueueChanged(QueueTile queue)
    {
        queues[queue.QueueId] = queue;
        return Task.CompletedTask;
    }

    private Task Flush()
    {
        if (!flushing.IsCompleted || (seats.Count == 0 && queues.Count == 0))
        {
            return Task.CompletedTask;
        }

        var (outSeats, outQueues) = (seats, queues);
        (seats, queues) = ([], []);
        flushing = Send(outSeats, outQueues);
        return Task.CompletedTask;
    }

    private async Task Send(Dictionary<string, SeatTile> outSeats, Dictionary<string, QueueTile> outQueues)
    {
        try
        {
            await GrainFactory.GetGrain<IMonitorBoard>(0).Publish(outSeats.Values.ToArray(), outQueues.Values.ToArray());
        }
        catch (Exception e)
        {
            // Put them back unless something newer arrived meanwhile; the next tick retries.
            logger.LogWarning(e, "Publishing {Seats} seat and {Queues} queue changes failed; retrying", outSeats.Count, outQueues.Count);
            foreach (var (id, tile) in outSeats)
            {
                seats.TryAdd(id, tile);
            }

            foreach (var (id, tile) in outQueues)
            {
                queues.TryAdd(id, tile);
            }
        }
    }
}
