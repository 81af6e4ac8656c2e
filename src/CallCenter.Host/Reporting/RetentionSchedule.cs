using CallCenter.Host.Hosting;
using CallCenter.Reporting;

namespace CallCenter.Host;

/// <summary>Makes sure the daily retention reminder exists once the host has started (idempotent: every host asks).</summary>
public sealed class RetentionSchedule(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        try
        {
            await grains.GetGrain<IRetentionGrain>(0).Schedule();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another host schedules it too; this one tries again at its next start.
            logger.LogWarning(e, "Could not schedule the daily retention job");
        }
    }
}
