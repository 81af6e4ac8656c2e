namespace CallCenter.Routing;

/// <summary>A call that has waited <paramref name="AfterSeconds"/> without an offer moves to <paramref name="ToQueue"/>.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Routing.OverflowRule")]
public sealed record OverflowRule([property: Id(0)] int AfterSeconds, [property: Id(1)] string ToQueue);
