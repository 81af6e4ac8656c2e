using CallCenter.Routing;

namespace CallCenter.Monitoring;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Monitoring.QueueTile")]
public sealed record QueueTile(
    [property: Id(0)] string QueueId,
    [property: Id(1)] string Name,
    [property: Id(2)] int ServiceLevelSeconds,
    [property: Id(3)] QueueStats Stats,
    [property: Id(4)] DateTimeOffset At);
