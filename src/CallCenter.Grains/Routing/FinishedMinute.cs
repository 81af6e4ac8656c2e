namespace CallCenter.Routing;

/// <summary>The calls that left a queue in one minute, and how many of them were answered within the service level.</summary>
[GenerateSerializer]
public sealed record FinishedMinute([property: Id(0)] DateTimeOffset Minute, [property: Id(1)] int Finished, [property: Id(2)] int WithinServiceLevel);
