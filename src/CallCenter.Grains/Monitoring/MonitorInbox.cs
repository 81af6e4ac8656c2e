namespace CallCenter.Monitoring;

/// <summary>
/// Where this silo's seats and queues leave their latest tiles for the silo's <see cref="MonitorNotifier"/>, without a
/// message each (three a call cycle): the notifier takes what is here at every flush. Only the newest tile of a seat or
/// queue is kept. While no notifier is open here (before this silo's first change, or once it was deactivated) a tile
/// is refused, and <see cref="Tell(IGrainFactory, SeatTile)"/> sends it to the notifier as a message instead, which
/// activates one.
/// </summary>
public sealed class MonitorInbox
{
    private readonly Lock gate = new();
    private Dictionary<string, SeatTile> seats = [];
    private Dictionary<string, QueueTile> queues = [];
    private bool open;

    /// <summary>Leaves the tile here or, while no notifier is open, sends it to this silo's notifier, which opens one.</summary>
    public void Tell(IGrainFactory grains, SeatTile seat)
    {
        if (!Leave(seat))
        {
            _ = grains.GetGrain<IMonitorNotifier>(0).SeatChanged(seat);
        }
    }

    /// <inheritdoc cref="Tell(IGrainFactory, SeatTile)"/>
    public void Tell(IGrainFactory grains, QueueTile queue)
    {
        if (!Leave(queue))
        {
            _ = grains.GetGrain<IMonitorNotifier>(0).QueueChanged(queue);
        }
    }

    /// <summary>False when no notifier is open: send the tile to it instead.</summary>
    public bool Leave(SeatTile seat)
    {
        lock (gate)
        {
            if (open)
            {
                seats[seat.SeatId] = seat;
            }

            return open;
        }
    }

    /// <summary>False when no notifier is open: send the tile to it instead.</summary>
    public bool Leave(QueueTile queue)
    {
        lock (gate)
        {
            if (open)
            {
                queues[queue.QueueId] = queue;
            }

            return open;
        }
    }

    /// <summary>A notifier is here: tiles are taken from now on.</summary>
    public void Open()
    {
        lock (gate)
        {
            open = true;
        }
    }

    /// <summary>The notifier is leaving: tiles are refused from now on, and what is here is handed over.</summary>
    public MonitorChanges Close()
    {
        lock (gate)
        {
            open = false;
            return Take();
        }
    }

    /// <summary>Everything left so far, emptying the inbox.</summary>
    public MonitorChanges Take()
    {
        lock (gate)
        {
            var taken = new MonitorChanges(seats, queues);
            (seats, queues) = ([], []);
            return taken;
        }
    }

    /// <summary>Tiles a flush could not deliver, back for the next one, unless something newer arrived meanwhile.</summary>
    public void PutBack(MonitorChanges changes)
    {
        lock (gate)
        {
            foreach (var (id, tile) in changes.Seats)
            {
                seats.TryAdd(id, tile);
            }

            foreach (var (id, tile) in changes.Queues)
            {
                queues.TryAdd(id, tile);
            }
        }
    }

    /// <summary>A tile sent as a message because no notifier was open (the message activated one).</summary>
    public void Keep(SeatTile seat)
    {
        lock (gate)
        {
            seats[seat.SeatId] = seat;
        }
    }

    /// <inheritdoc cref="Keep(SeatTile)"/>
    public void Keep(QueueTile queue)
    {
        lock (gate)
        {
            queues[queue.QueueId] = queue;
        }
    }
}

/// <summary>The newest tile of each seat and queue that changed since the last flush.</summary>
public sealed record MonitorChanges(Dictionary<string, SeatTile> Seats, Dictionary<string, QueueTile> Queues)
{
    public bool IsEmpty => Seats.Count == 0 && Queues.Count == 0;
}
