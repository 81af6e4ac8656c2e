using System.Security.Claims;
using CallCenter.Host.Identity;
using CallCenter.Reporting;
using Microsoft.Extensions.Options;

namespace CallCenter.Host;

/// <summary>Retention settings and the last run (administrators), and a run on request.</summary>
public static class RetentionApi
{
    public sealed record RetentionView(int CallRecordsDays, int RecordingsDays, int AuditDays, RetentionRun? Last);

    public static RouteGroupBuilder MapRetentionApi(this RouteGroupBuilder group)
    {
        group.WithTags("Retention").RequireAuthorization(Policies.Administration);
        group.MapGet("/", async (IGrainFactory grains, IOptions<RetentionOptions> options) =>
        {
            var o = options.Value;
            return TypedResults.Ok(new RetentionView(o.CallRecordsDays, o.RecordingsDays, o.AuditDays, await grains.GetGrain<IRetentionGrain>(0).Last()));
        });
        group.MapPost("/run", async (IGrainFactory grains, ClaimsPrincipal user) => TypedResults.Ok(await grains.GetGrain<IRetentionGrain>(0).Run(user.Identity!.Name!)));
        return group;
    }
}
