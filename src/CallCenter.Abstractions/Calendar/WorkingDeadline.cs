namespace CallCenter.Calendar;

/// <summary>The close of business of a working day, as a deadline; warnings for years with no loaded arrangement.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.WorkingDeadline")]
public sealed record WorkingDeadline(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<string> Warnings);
