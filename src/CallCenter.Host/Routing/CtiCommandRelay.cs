using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>
/// This host's observer on the CTI command bus: it passes each command to the adapters connected here.
/// Observers expire, so it re-subscribes on a timer (and so follows a bus grain that moved after a failure).
/// </summary>
public sealed class CtiCommandRelay(IGrainFactory grains, IHubContext<CtiHub, ICtiAdapter> hub, ILogger<CtiCommandRelay> logger)
    : BackgroundService, ICtiCommandObserver
{
    public event Action<CtiCommand>? Delivered;

    public Task Deliver(CtiCommand command)
    {
        Delivered?.Invoke(command);
        return hub.Clients.All.Command(command);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var self = grains.CreateObjectReference<ICtiCommandObserver>(this);
        var bus = grains.GetGrain<ICtiCommandBus>(0);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            try
            {
                await bus.Subscribe(self);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not subscribe to the CTI command bus; retrying");
            }
        }
        while (await WaitAsync(timer, stoppingToken));

        try
        {
            await bus.Unsubscribe(self);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Unsubscribe from the CTI command bus failed at shutdown");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
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
