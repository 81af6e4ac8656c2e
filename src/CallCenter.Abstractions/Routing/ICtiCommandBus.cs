namespace CallCenter.Routing;

/// <summary>Fans CTI commands out to every host's observer. A single grain (key 0) per cluster.</summary>
[Alias("CallCenter.Routing.ICtiCommandBus")]
public interface ICtiCommandBus : IGrainWithIntegerKey
{
    /// <summary>Hosts call this on a timer: observers expire if not refreshed.</summary>
    [Alias("Subscribe")] Task Subscribe(ICtiCommandObserver observer);

    [Alias("Unsubscribe")] Task Unsubscribe(ICtiCommandObserver observer);

    /// <summary>Returns once the bus has the command (a failure means it did not: send it again).</summary>
    [Alias("Send")] Task Send(CtiCommand command);
}
