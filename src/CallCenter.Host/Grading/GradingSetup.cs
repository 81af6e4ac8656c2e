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

        var form = grains.GetGrain<IScorecardFormGrain>(GradingApi.DefaultForm);
        try
        {
            await form.Get(null);
        }
        catch (NotConfiguredException)
        {
            var template = Grading.FormRules.Default12366(GradingApi.DefaultForm);
            var published = await form.Publish(template.Name, template.Sections, "system");
            logger.LogInformation("Default scorecard '{Form}' published as version {Version}", published.Id, published.Version);
        }
    }
}
