namespace CallCenter.Calendar;

[GenerateSerializer]
public sealed class CalendarRecord
{
    [Id(0)] public Dictionary<int, YearCalendar> Years { get; set; } = [];

    [Id(1)] public bool Seeded { get; set; }
}
