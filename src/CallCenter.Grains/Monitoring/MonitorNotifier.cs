namespace CallCenter.Monitoring;

/// <summary>
/// One per silo. Takes the latest tile per seat and queue from the silo's <see cref="MonitorInbox"/> (or from a
/// message, while none was open), flushes to the board every 50 ms, and never runs two flushes at once (a flush still
/// in flight lets the next changes wait for the following tick). The inbox holds changes between flushes, so the
/// runtime must not remove the notifier as an idle worker or collect it as idle (its seats no longer message it), and
/// when it is deactivated all the same it closes the inbox and sends what is there first: a change lost here leaves the
/// wall showing a seat as it was until that seat changes again.
/// </summary>
[StatelessWorker(1, removeIdleWorkers: false)]
[GrainType("monitor-notifier")]
public sealed class MonitorNotifier(MonitorInbox inbox, ILogger<MonitorNotifier> logger) : Grain, IMonitorNotifier
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(50);

    private Task flushing = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        inbox.Open();
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(Window, Window) { Interleave = true, KeepAlive = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var rest = inbox.Close();
        try
        {
            await flushing.WaitAsync(cancellationToken);
            if (!rest.IsEmpty)
            {
                await GrainFactory.GetGrain<IMonitorBoard>(0).Publish(rest.Seats.Values.ToArray(), rest.Queues.Values.ToArray()).WaitAsync(cancellationToken);
            }

            return;
        }
        catch (Exception e)
        {
            // Kept for the next notifier here, which the next change opens.
            inbox.PutBack(rest);
            logger.LogWarning(e, "{Seats} seat and {Queues} queue changes did not reach the board before this silo's notifier was deactivated ({Reason}); the board shows them with the next change",
                rest.Seats.Count, rest.Queues.Count, reason);
        }
    }

    Task IMonitorNotifier.SeatChanged(SeatTile seat)
    {
        inbox.Keep(seat);
        return Task.CompletedTask;
    }

    Task IMonitorNotifier.QueueChanged(QueueTile queue)
    {
        inbox.Keep(queue);
        return Task.CompletedTask;
    }

    private Task Flush()
    {
        if (!flushing.IsCompleted)
        {
            return Task.CompletedTask;
        }

        var changes = inbox.Take();
        if (!changes.IsEmpty)
        {
            flushing = Send(changes);
        }

        return Task.CompletedTask;
    }

    private async Task Send(MonitorChanges changes)
    {
        try
        {
            await GrainFactory.GetGrain<IMonitorBoard>(0).Publish(changes.Seats.Values.ToArray(), changes.Queues.Values.ToArray());
        }
        catch (Exception e)
        {
            // Back unless something newer arrived meanwhile; the next tick retries.
            logger.LogWarning(e, "Publishing {Seats} seat and {Queues} queue changes failed; retrying", changes.Seats.Count, changes.Queues.Count);
            inbox.PutBack(changes);
        }
    }
}
