namespace CallCenter.Duty;

/// <summary>A message to one person about a shift: a swap asked or approved, a no-show to cover, a roster published.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.DutyNotice")]
public sealed record DutyNotice(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? ShiftId,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Args = null);
