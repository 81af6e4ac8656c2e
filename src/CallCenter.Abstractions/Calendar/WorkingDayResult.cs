namespace CallCenter.Calendar;

/// <summary>A computed date or deadline, with warnings for every year it crossed that has no loaded arrangement.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.WorkingDayResult")]
public sealed record WorkingDayResult(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] IReadOnlyList<string> Warnings);
