using Orleans.Utilities;

namespace CallCenter.Routing;

/// <summary>
/// Passes every command to each host's relay. For its first seconds an activation also remembers what it passed on:
/// after its silo died the hosts subscribe again one by one, and each one that arrives gets the commands it missed, so
/// an offer made in that moment still rings wherever the softswitch is connected.
/// </summary>
[GrainType("cti-command-bus")]
public sealed class CtiCommandBus(ILogger<CtiCommandBus> logger) : Grain, ICtiCommandBus
{
    private const long RememberMilliseconds = 10_000;
    private const int RememberAtMost = 1_000;

    private readonly ObserverManager<ICtiCommandObserver> observers = new(TimeSpan.FromMinutes(2), logger);
    private readonly List<CtiCommand> recent = [];
    private readonly long activated = Environment.TickCount64;

    Task ICtiCommandBus.Subscribe(ICtiCommandObserver observer)
    {
        var arriving = !observers.Observers.ContainsKey(observer);
        observers.Subscribe(observer, observer);
        if (arriving && Remembering())
        {
            foreach (var command in recent)
            {
                _ = observer.Deliver(command);
            }
        }

        return Task.CompletedTask;
    }

    Task ICtiCommandBus.Unsubscribe(ICtiCommandObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    Task ICtiCommandBus.Send(CtiCommand command)
    {
        if (Remembering() && recent.Count < RememberAtMost)
        {
            recent.Add(command);
        }

        return observers.Notify(o => o.Deliver(command));
    }

    /// <summary>True during the first ten seconds of this activation; after them nothing is remembered.</summary>
    private bool Remembering()
    {
        if (Environment.TickCount64 - activated <= RememberMilliseconds)
        {
            return true;
        }

        recent.Clear();
        return false;
    }
}
