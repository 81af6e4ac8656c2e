using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Reporting;

namespace CallCenter.Host;

public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder group)
    {
        group.WithTags("Audit");
        group.MapGet("/verify", Verify).RequireAuthorization(Policies.Supervision);
        group.MapGet("/{day}", async (DateOnly day, IAuditTrail trail) => TypedResults.Ok(await trail.Entries(day))).RequireAuthorization(Policies.Supervision);
        return group;
    }

    /// <summary>Recomputes a day's hash chain (default today): 200 with <c>intact</c> true, or false and the first broken line.</summary>
    private static async Task<Ok<AuditVerification>> Verify(DateOnly? day, IAuditTrail trail, CallCenterClock clock) =>
        TypedResults.Ok(await trail.Verify(day ?? clock.Today));
}
