namespace CallCenter.Routing;

public enum RoutingStrategy
{
    LongestIdle,
    FewestCalls,
    RoundRobin,
}
