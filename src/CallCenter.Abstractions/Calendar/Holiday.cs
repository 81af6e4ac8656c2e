namespace CallCenter.Calendar;

/// <summary>A public holiday, days off from <paramref name="From"/> to <paramref name="To"/> inclusive.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.Holiday")]
public sealed record Holiday(
    [property: Id(0)] string Name,
    [property: Id(1)] string? NameEn,
    [property: Id(2)] DateOnly From,
    [property: Id(3)] DateOnly To);
