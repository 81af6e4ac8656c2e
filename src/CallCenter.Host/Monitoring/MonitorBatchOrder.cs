using System.Threading.Channels;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// Puts the board's batches back in version order before this host passes them on, one at a time. A batch that
/// arrives ahead of one still missing waits up to the window for it; if it never comes, the held batches go on in
/// order and the clients, seeing the gap, fetch a snapshot. A batch of a new epoch (the board reactivated) starts over.
/// </summary>
public sealed class MonitorBatchOrder : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SlowDelivery = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly SortedDictionary<long, MonitorBatch> held = [];
    private readonly Channel<MonitorBatch> ready = Channel.CreateUnbounded<MonitorBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider time;
    private readonly TimeSpan window;
    private readonly ILogger logger;
    private readonly Task sending;
    private string? epoch;
    private long last;
    private ITimer? waiting;

    public MonitorBatchOrder(TimeProvider time, TimeSpan window, Func<MonitorBatch, Task> deliver, ILogger logger)
    {
        (this.time, this.window, this.logger) = (time, window, logger);
        sending = Task.Run(async () =>
        {
            await foreach (var batch in ready.Reader.ReadAllAsync())
            {
                var delivery = Deliver(deliver, batch);
                using var done = new CancellationTokenSource();
                var slow = Task.Delay(SlowDelivery, time, done.Token);
                var first = await Task.WhenAny(delivery, slow);
                await done.CancelAsync();
                if (first != delivery)
                {
                    // One connection that does not read must not hold every supervisor's wall: go on with the next.
                    logger.LogWarning("Passing wallboard batch {Version} on took over {Seconds} s; going on with the next", batch.Version, SlowDelivery.TotalSeconds);
                }
            }
        });
    }

    private async Task Deliver(Func<MonitorBatch, Task> deliver, MonitorBatch batch)
    {
        try
        {
            await deliver(batch);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Passing wallboard batch {Version} on failed", batch.Version);
        }
    }

    /// <summary>Batches given up waiting for (each one makes this host's clients fetch a snapshot).</summary>
    public long Gaps { get; private set; }

    public void Accept(MonitorBatch batch)
    {
        lock (gate)
        {
            if (batch.Epoch != epoch)
            {
                (epoch, last) = (batch.Epoch, batch.Version - 1);
                held.Clear();
            }

            if (batch.Version <= last)
            {
                return; // a repeat, or one given up on: the clients are past it
            }

            held[batch.Version] = batch;
            PassInOrder();
            if (held.Count > 0)
            {
                waiting ??= time.CreateTimer(_ => GiveUpWaiting(), null, window, Timeout.InfiniteTimeSpan);
            }
            else
            {
                StopWaiting();
            }
        }
    }

    private void PassInOrder()
    {
        while (held.Remove(last + 1, out var next))
        {
            ready.Writer.TryWrite(next);
            last = next.Version;
        }
    }

    private void GiveUpWaiting()
    {
        lock (gate)
        {
            waiting?.Dispose();
            waiting = null;
            if (held.Count == 0)
            {
                return;
            }

            Gaps++;
            logger.LogInformation("Wallboard batches {From}–{To} never arrived; passing on what came after (clients fetch a snapshot)", last + 1, held.Keys.First() - 1);
            last = held.Keys.First() - 1;
            PassInOrder();
            if (held.Count > 0)
            {
                waiting = time.CreateTimer(_ => GiveUpWaiting(), null, window, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void StopWaiting()
    {
        waiting?.Dispose();
        waiting = null;
    }

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            StopWaiting();
        }

        ready.Writer.TryComplete();
        await sending;
    }
}
