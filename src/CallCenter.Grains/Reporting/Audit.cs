namespace CallCenter.Reporting;

public static class Audit
{
    /// <summary>Appends to today's trail (call-centre time zone) and returns once it is durable.</summary>
    public static Task Record(IGrainFactory grains, CallCenterClock clock, string actor, string action, string subject, string? detail) =>
        grains.GetGrain<IAuditWriterGrain>(0).Append(clock.Today, new AuditEntry(clock.Now, actor, action, subject, detail, LineId: Guid.NewGuid().ToString("N")));
}
