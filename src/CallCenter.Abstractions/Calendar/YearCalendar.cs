namespace CallCenter.Calendar;

/// <summary>One year's official arrangement: holidays and make-up working days (调休).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calendar.YearCalendar")]
public sealed record YearCalendar(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<Holiday> Holidays,
    [property: Id(2)] IReadOnlyList<DateOnly> MakeUpWorkdays,
    [property: Id(3)] string? Source);
