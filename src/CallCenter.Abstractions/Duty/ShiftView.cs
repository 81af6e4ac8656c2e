namespace CallCenter.Duty;

/// <summary>A shift as its officer, the head and supervisors see it; <paramref name="PreviousHandover"/> is what the last officer left.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.ShiftView")]
public sealed record ShiftView(
    [property: Id(0)] ShiftPlan Plan,
    [property: Id(1)] ShiftStatus Status,
    [property: Id(2)] bool Late,
    [property: Id(3)] bool Overtime,
    [property: Id(4)] string? CheckedInBy,
    [property: Id(5)] DateTimeOffset? CheckedInAt,
    [property: Id(6)] DateTimeOffset? CheckedOutAt,
    [property: Id(7)] IReadOnlyList<ClockEntry> Clock,
    [property: Id(8)] Handover? Handover,
    [property: Id(9)] Handover? PreviousHandover,
    [property: Id(10)] SwapRequest? Swap,
    [property: Id(11)] DateTimeOffset WindowOpens);
