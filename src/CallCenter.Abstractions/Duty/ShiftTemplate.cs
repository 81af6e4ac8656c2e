namespace CallCenter.Duty;

/// <summary>A duty shift on each working day, e.g. "am" 08:30–12:00 or "pm" 13:30–17:30 (call-centre local time).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.ShiftTemplate")]
public sealed record ShiftTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] TimeOnly Start,
    [property: Id(3)] TimeOnly End)
{
    /// <summary>The half-day shifts of a working day, used when a rotation names none.</summary>
    public static readonly IReadOnlyList<ShiftTemplate> HalfDays =
    [
        new("am", "上午 Morning", new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new("pm", "下午 Afternoon", new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ];
}
