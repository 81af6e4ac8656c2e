namespace CallCenter.Calendar;

/// <summary>When a working day ends (CallCenter:OfficeHours:Closes, local time): "the same working day" means by then.</summary>
public sealed class OfficeHours
{
    public TimeOnly Closes { get; set; } = new(17, 30);
}
