using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

public static class CallsApi
{
    public sealed record TimelineView(CallState State, DateTimeOffset At, string? Queue, string? SeatId, string? Note);

    public sealed record CallView(string CallId, string Caller, CallState State, string Queue, int Priority, string? SeatId, string? Agent, bool Callback, bool HasRecording, IReadOnlyList<TimelineView> Timeline);

    public static RouteGroupBuilder MapCallsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Calls");
        group.MapGet("/{callId}", Get).RequireAuthorization(Policies.CallReading);
        return group;
    }

    /// <summary>
    /// Supervisors and administrators see any call; an agent the calls they took; a grader the calls assigned to them.
    /// The caller's number is confidential: only supervisors and the agent who took the call (who may call back) read it whole.
    /// </summary>
    private static async Task<IResult> Get(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("callId", callId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await Recording.CallAccess.Reachable(callId, user, grains) is not { } call)
        {
            return Recording.CallAccess.Refused(callId);
        }

        var view = View(call);
        var tookIt = user.IsInRole(Roles.Agent) && call.Agent == user.Identity!.Name;
        return TypedResults.Ok(user.MaySupervise() || tookIt ? view : view with { Caller = Routing.AcdRanking.MaskCaller(call.Caller) });
    }

    internal static CallView View(CallSnapshot c) => new(
        c.CallId, c.Caller, c.State, c.Queue, c.Priority, c.SeatId, c.Agent, c.Callback, c.Recording is not null,
        c.Timeline.Select(t => new TimelineView(t.State, t.At, t.Queue, t.SeatId, t.Note)).ToArray());
}
