namespace CallCenter.Host.Hosting;

/// <summary>Something found while the host was being built, said in its log once logging runs.</summary>
public sealed class StartupWarning(ILogger<StartupWarning> logger, string message) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogError("{Warning}", message);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
