namespace CallCenter.Calendar;

[GenerateSerializer]
public sealed class CalendarRecord
{
    [Id(0)] public Dictionary<int, YearCalendar> Years { get; set; } = [];

    [Id(1)] public bool Seeded { get; set; }

    /// <summary>Years loaded whose provisional work-order deadlines are still to be recounted.</summary>
    [Id(2)] public HashSet<int> Unswept { get; set; } = [];
}
