using CallCenter.Host.Identity;
using CallCenter.Reporting;

namespace CallCenter.Host;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.WithTags("Audit");
        group.MapGet("/{day}", async (DateOnly day, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<IAuditDayGrain>(Audit.DayKey(day)).Entries())).RequireAuthorization(Policies.Supervision);
        return group;
    }
}
