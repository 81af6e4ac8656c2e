using CallCenter.Host.Hosting;
using CallCenter.Grading;

namespace CallCenter.Host;

/// <summary>Publishes the default 12366 scorecard (form "12366") once, when a new installation starts.</summary>
public sealed class GradingSetup(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<GradingSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        var template = Grading.FormRules.Default12366(GradingApi.DefaultForm);
        var form = await grains.GetGrain<IScorecardFormGrain>(GradingApi.DefaultForm).Seed(template.Name, template.Sections);
        logger.LogDebug("Default scorecard '{Form}' is at version {Version}", form.Id, form.Version);
    }
}
