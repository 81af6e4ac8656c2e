using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

public static class CallsApi
{
    public sealed record TimelineView(CallState State, DateTimeOffset At, string? Queue, string? SeatId, string? Note);

    public sealed record CallView(string CallId, string Caller, CallState State, string Queue, int Priority, string? SeatId, bool Callback, bool HasRecording, IReadOnlyList<TimelineView> Timeline);

    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Calls");
        group.MapGet("/{callId}", Get).RequireAuthorization(Policies.CallReading);
        return group;
    }

    /// <summary>Supervisors, administrators and graders see any call; an agent only calls taken at their own seat.</summary>
    private static async Task<Results<Ok<CallView>, ValidationProblem, ForbidHttpResult>> Get(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("callId", callId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        if (!user.MaySupervise() && !user.IsInRole(Roles.Grader) && !await Recording.CallAccess.TookCall(user, call, grains))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(View(call));
    }

    internal static CallView View(CallSnapshot c) => new(
        c.CallId, c.Caller, c.State, c.Queue, c.Priority, c.SeatId, c.Callback, c.Recording is not null,
        c.Timeline.Select(t => new TimelineView(t.State, t.At, t.Queue, t.SeatId, t.Note)).ToArray());
}
