using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Monitoring;

namespace CallCenter.Host;

public static class SeatsApi
{
    public sealed record SkillRequest(string? Queue, int? Level);

    public sealed record SeatRequest(string? Name, string? Department, bool? Remote, List<SkillRequest>? Skills);

    /// <summary><paramref name="TakeOver"/>: a supervisor logs the agent in at a seat another agent holds (audited).</summary>
    public sealed record LoginRequest(string? Agent, bool? TakeOver);

    public sealed record StateRequest(SeatState? State, string? Reason);

    public sealed record SeatView(
        string SeatId, string Name, string Department, bool Remote, IReadOnlyList<SeatSkill> Skills, string? Agent,
        SeatState State, string? Reason, DateTimeOffset Since, string? CallId, bool PhoneRegistered, SeatCounters Today,
        MonitorMode Monitoring, string? MonitoredBy, IReadOnlyList<SeatMessage> Messages);

    public sealed record SeatListItem(string SeatId, string Name, string Department, bool Remote, IReadOnlyList<string> Queues, string? Agent, SeatState State);

    public static RouteGroupBuilder MapSeatsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Seats");
        group.MapGet("", List).RequireAuthorization(Policies.Supervision);
        group.MapPut("/{seatId}", Define).RequireAuthorization(Policies.Administration);
        group.MapGet("/{seatId}", Get).RequireAuthorization(Policies.SeatWork);
        group.MapPost("/{seatId}/login", Login).RequireAuthorization(Policies.SeatWork);
        group.MapPost("/{seatId}/state", ChangeState).RequireAuthorization(Policies.SeatWork);
        group.MapPost("/{seatId}/logout", Logout).RequireAuthorization(Policies.SeatWork);
        return group;
    }

    /// <summary>Every defined seat, as the wallboard knows it (a seat defined a moment ago may take a second to appear).</summary>
    private static async Task<Ok<SeatListItem[]>> List(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IMonitorBoard>(0).Snapshot()).Seats.OrderBy(s => s.SeatId, StringComparer.Ordinal)
            .Select(s => new SeatListItem(s.SeatId, s.Name, s.Department, s.Remote, s.Queues, s.Agent, s.State)).ToArray());

    private static async Task<Results<Ok<SeatView>, ValidationProblem>> Define(string seatId, SeatRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Id("seatId", seatId)
            .Text("name", request.Name, 100)
            .Text("department", request.Department, 100)
            .Require("skills", request.Skills is { Count: <= 50 }, "'skills' is required (at most 50).");
        var skills = request.Skills ?? [];
        for (var i = 0; i < skills.Count; i++)
        {
            check.Require($"skills[{i}]", skills[i] is not null, "A skill needs a queue and a level.");
            if (skills[i] is not { } skill)
            {
                continue;
            }

            check.Id($"skills[{i}].queue", skill.Queue)
                .Require($"skills[{i}].level", skill.Level is >= 1 and <= 5, "'level' must be between 1 and 5.");
            if (check.IsValid && !await QueuesApi.Exists(grains, skill.Queue!))
            {
                check.Require($"skills[{i}].queue", false, $"Queue '{skill.Queue}' is not defined.", "undefined");
            }
        }

        check.Require("skills", skills.Where(s => s is not null).Select(s => s.Queue).Distinct().Count() == skills.Count(s => s is not null), "Each queue may appear once.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var seat = await grains.GetGrain<ISeatGrain>(seatId).Define(new SeatDefinition(
            request.Name!.Trim(), request.Department!.Trim(), request.Remote ?? false,
            skills.Select(s => new SeatSkill(s.Queue!, s.Level!.Value)).ToArray()));
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "seat-define", seatId,
            $"department={seat.Definition.Department}; remote={seat.Definition.Remote}; skills={string.Join(",", seat.Definition.Skills.Select(k => $"{k.Queue}:{k.Level}"))}");
        return TypedResults.Ok(View(seat));
    }

    private static async Task<IResult> Get(string seatId, ClaimsPrincipal user, IGrainFactory grains) =>
        await OnOwnSeat(seatId, user, grains, (seat, _) => Task.FromResult(seat));

    private static async Task<IResult> Login(string seatId, LoginRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation().Id("seatId", seatId).Id("agent", request.Agent);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var actor = user.Identity!.Name!;
        if (!user.MaySupervise() && (request.Agent != actor || request.TakeOver == true))
        {
            return TypedResults.Forbid();
        }

        if (request.TakeOver == true)
        {
            return TypedResults.Ok(View(await grains.GetGrain<ISeatSupervisionGrain>(seatId).TakeOver(request.Agent!, actor)));
        }

        var grain = grains.GetGrain<ISeatGrain>(seatId);
        var before = await grain.Get();
        if (before.State != SeatState.LoggedOut && before.Agent != request.Agent)
        {
            // Said before the seat refuses, so the page can say it in the agent's language; the seat still decides.
            return CodedProblem.Of(StatusCodes.Status409Conflict, "seat-held",
                $"Seat '{seatId}' is held by agent '{before.Agent}': they log out first, or a supervisor takes the seat over.",
                ("seat", seatId), ("agent", before.Agent));
        }

        var seat = await grain.Login(request.Agent!);
        await Reporting.Audit.Record(grains, clock, actor, "seat-login", seatId, $"agent={request.Agent}");
        return TypedResults.Ok(View(seat));
    }

    private static async Task<IResult> ChangeState(string seatId, StateRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require("state", request.State is not null, "'state' is required: Ready, NotReady or LoggedOut.")
            .Text("reason", request.Reason, 32, required: false);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        return await OnOwnSeat(seatId, user, grains, (_, seat) => seat.ChangeState(request.State!.Value, request.Reason));
    }

    private static Task<IResult> Logout(string seatId, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock) =>
        OnOwnSeat(seatId, user, grains, async (before, seat) =>
        {
            var after = await seat.Logout();
            if (before.State != SeatState.LoggedOut)
            {
                await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "seat-logout", seatId, $"agent={before.Agent}");
            }

            return after;
        });

    /// <summary>Runs an action on a seat if the user may: supervisors on any seat, agents only where they are logged in.</summary>
    private static async Task<IResult> OnOwnSeat(
        string seatId, ClaimsPrincipal user, IGrainFactory grains, Func<SeatSnapshot, ISeatGrain, Task<SeatSnapshot>> action)
    {
        var check = new Validation().Id("seatId", seatId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var grain = grains.GetGrain<ISeatGrain>(seatId);
        var current = await grain.Get();
        if (!user.MaySupervise() && current.Agent != user.Identity?.Name)
        {
            return CodedProblem.Of(StatusCodes.Status403Forbidden, "seat-not-yours", $"You are not logged in at seat '{seatId}'.", ("seat", seatId));
        }

        return TypedResults.Ok(View(await action(current, grain)));
    }

    internal static SeatView View(SeatSnapshot s) => new(
        s.SeatId, s.Definition.Name, s.Definition.Department, s.Definition.Remote, s.Definition.Skills, s.Agent,
        s.State, s.Reason, s.Since, s.CallId, s.PhoneRegistered, s.Today, s.Monitoring, s.MonitoredBy, s.Messages ?? []);
}
