namespace CallCenter.Routing;

/// <summary>One per host: receives every command and hands it to the softswitch adapters connected to that host.</summary>
[Alias("CallCenter.Routing.ICtiCommandObserver")]
public interface ICtiCommandObserver : IGrainObserver
{
    [OneWay, Alias("Deliver")] Task Deliver(CtiCommand command);
}
