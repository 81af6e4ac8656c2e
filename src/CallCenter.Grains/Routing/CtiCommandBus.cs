using Orleans.Utilities;

namespace CallCenter.Routing;

[GrainType("cti-command-bus")]
public sealed class CtiCommandBus(ILogger<CtiCommandBus> logger) : Grain, ICtiCommandBus
{
    private readonly ObserverManager<ICtiCommandObserver> observers = new(TimeSpan.FromMinutes(2), logger);

    Task ICtiCommandBus.Subscribe(ICtiCommandObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    Task ICtiCommandBus.Unsubscribe(ICtiCommandObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    Task ICtiCommandBus.Send(CtiCommand command) => observers.Notify(o => o.Deliver(command));
}
