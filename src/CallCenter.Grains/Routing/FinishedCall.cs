namespace CallCenter.Routing;

[GenerateSerializer]
public sealed record FinishedCall([property: Id(0)] DateTimeOffset At, [property: Id(1)] bool WithinServiceLevel);
