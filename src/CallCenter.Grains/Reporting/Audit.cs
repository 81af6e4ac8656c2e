namespace CallCenter.Reporting;

public static class Audit
{
    public static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Appends to today's trail and returns once it is durable.</summary>
    public static Task Record(IGrainFactory grains, CallCenterClock clock, string actor, string action, string subject, string? detail) =>
        grains.GetGrain<IAuditDayGrain>(DayKey(clock.Today)).Append(new AuditEntry(clock.Now, actor, action, subject, detail));
}
