namespace CallCenter.Host.Hosting;

/// <summary>
/// Reads cluster-wide figures every five seconds for observable gauges, whose callbacks run synchronously and must
/// not call grains themselves. A failed read keeps the last figures.
/// </summary>
public abstract class PolledGauges(ILogger logger) : BackgroundService
{
    protected abstract Task Poll();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        do
        {
            try
            {
                await Poll();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "{Gauges} kept their last figures this time", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result));
    }
}
