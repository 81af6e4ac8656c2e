namespace CallCenter.Host.Hosting;

/// <summary>
/// A per-host grain observer kept subscribed: observers expire, and the grain they subscribe to may move after a
/// failure, so the subscription is renewed every 30 seconds (GPSTracker pattern).
/// </summary>
public abstract class HostObserver<TObserver>(IGrainFactory grains, ILogger logger) : BackgroundService
    where TObserver : class, IGrainObserver
{
    protected IGrainFactory Grains { get; } = grains;

    protected abstract Task Subscribe(TObserver self);

    protected abstract Task Unsubscribe(TObserver self);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = Grains.CreateObjectReference<TObserver>((TObserver)(object)this);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            try
            {
                await Subscribe(self);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not subscribe {Observer}; retrying", typeof(TObserver).Name);
            }
        }
        while (await Tick(timer, stoppingToken));

        try
        {
            await Unsubscribe(self);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Unsubscribing {Observer} at shutdown failed", typeof(TObserver).Name);
        }
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
