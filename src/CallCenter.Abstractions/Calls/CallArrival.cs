namespace CallCenter.Calls;

/// <summary>What the softswitch tells us about a new inbound call. Priority: higher is served first (0–9).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.CallArrival")]
public sealed record CallArrival(
    [property: Id(0)] string Caller,
    [property: Id(1)] string Queue,
    [property: Id(2)] int Priority);
