namespace CallCenter.Host.Hosting;

/// <summary>
/// A per-host grain observer kept subscribed (GPSTracker pattern). The grain it watches loses its observer list when it
/// activates anew: when its silo dies, so the subscription is renewed at once when the cluster declares a silo dead,
/// and when a joining silo makes the directory re-activate it elsewhere, which no event announces, so it is also
/// renewed every 5 seconds (inside the 10 s in which a new command bus replays what it passed on) and every second
/// while renewing fails.
/// </summary>
public abstract class HostObserver<TObserver>(IGrainFactory grains, IClusterMembershipService membership, ILogger logger) : BackgroundService
    where TObserver : class, IGrainObserver
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim wake = new(0);
    private bool failing;

    protected IGrainFactory Grains { get; } = grains;

    protected abstract Task Subscribe(TObserver self);

    protected abstract Task Unsubscribe(TObserver self);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = Grains.CreateObjectReference<TObserver>((TObserver)(object)this);
        var watching = WatchForDeaths(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var subscribed = await TrySubscribe(self);
            try
            {
                await wake.WaitAsync(subscribed ? Refresh : Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            while (wake.CurrentCount > 0)
            {
                await wake.WaitAsync(0, CancellationToken.None);
            }
        }

        await watching;
        try
        {
            await Unsubscribe(self);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Unsubscribing {Observer} at shutdown failed", typeof(TObserver).Name);
        }
    }

    private async Task<bool> TrySubscribe(TObserver self)
    {
        try
        {
            await Subscribe(self);
            if (failing)
            {
                logger.LogInformation("{Observer} subscribed again", typeof(TObserver).Name);
            }

            failing = false;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Warn once per outage; the retries every second are debug noise.
            logger.Log(failing ? LogLevel.Debug : LogLevel.Warning, e, "Could not subscribe {Observer}; retrying every {Retry}", typeof(TObserver).Name, Retry);
            failing = true;
            return false;
        }
    }

    /// <summary>Wakes the subscription loop as soon as membership says a silo died.</summary>
    private async Task WatchForDeaths(CancellationToken stoppingToken)
    {
        var previous = membership.CurrentSnapshot;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var dead = snapshot.CreateUpdate(previous).Changes.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToList();
                previous = snapshot;
                if (dead.Count > 0)
                {
                    logger.LogInformation("Silo(s) {Silos} declared dead: renewing {Observer} now", string.Join(", ", dead), typeof(TObserver).Name);
                    wake.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
