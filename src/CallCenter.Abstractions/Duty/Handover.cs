namespace CallCenter.Duty;

/// <summary>What an officer leaves at check-out for the next one: notes and the matters still open.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.Handover")]
public sealed record Handover(
    [property: Id(0)] string By,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Notes,
    [property: Id(3)] IReadOnlyList<string> OpenMatters);
