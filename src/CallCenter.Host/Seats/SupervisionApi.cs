using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>Supervisor actions on seats; each is written to the audit trail with who, whom and when.</summary>
public static class SupervisionApi
{
    public sealed record ForceRequest(SeatState? State, string? Reason);

    public sealed record MonitorRequest(MonitorMode? Mode);

    public sealed record MessageRequest(string? Text);

    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{seatId}/force", Force).RequireAuthorization(Policies.Supervision).WithTags("Supervision");
        group.MapPost("/{seatId}/monitor", Monitor).RequireAuthorization(Policies.Supervision).WithTags("Supervision");
        group.MapPost("/{seatId}/message", Message).RequireAuthorization(Policies.Supervision).WithTags("Supervision");
        group.MapPost("/{seatId}/clear-stuck", ClearStuck).RequireAuthorization(Policies.Supervision).WithTags("Supervision");
        return group;
    }

    private static async Task<Results<Ok<SeatsApi.SeatView>, ValidationProblem>> Force(string seatId, ForceRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Id("seatId", seatId)
            .Require("state", request.State is SeatState.NotReady or SeatState.LoggedOut, "'state' must be NotReady or LoggedOut.")
            .Text("reason", request.Reason, 32, required: false);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var seat = await grains.GetGrain<ISeatSupervisionGrain>(seatId).Force(request.State!.Value, request.Reason, user.Identity!.Name!);
        return TypedResults.Ok(SeatsApi.View(seat));
    }

    /// <summary>
    /// For a seat whose call the softswitch no longer has: ends the call, frees the seat and leaves it NotReady/forced.
    /// Audited with the states it found.
    /// </summary>
    private static async Task<IResult> ClearStuck(string seatId, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation().Id("seatId", seatId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var before = await grains.GetGrain<ISeatGrain>(seatId).Get();
        if (before.CallId is not { } callId || before.State is not (SeatState.Reserved or SeatState.OnCall or SeatState.WrapUp))
        {
            return TypedResults.Problem($"Seat '{seatId}' holds no call ({before.State}): there is nothing to clear.", statusCode: StatusCodes.Status409Conflict);
        }

        var callBefore = (await grains.GetGrain<ICallGrain>(callId).Get()).State;
        var after = await StuckCalls.Clear(grains, seatId, callId, user.Identity!.Name!);
        var callAfter = (await grains.GetGrain<ICallGrain>(callId).Get()).State;
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "clear-stuck", seatId,
            $"call={callId}; seat {before.State}→{after.State}; call {callBefore}→{callAfter}");
        return TypedResults.Ok(SeatsApi.View(after));
    }

    private static async Task<Results<Ok<SeatsApi.SeatView>, ValidationProblem>> Message(string seatId, MessageRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("seatId", seatId).Text("text", request.Text, 500);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var seat = await grains.GetGrain<ISeatSupervisionGrain>(seatId).Message(request.Text!.Trim(), user.Identity!.Name!);
        return TypedResults.Ok(SeatsApi.View(seat));
    }

    private static async Task<Results<Ok<SeatsApi.SeatView>, ValidationProblem>> Monitor(string seatId, MonitorRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Id("seatId", seatId)
            .Require("mode", request.Mode is not null, "'mode' is required: Listen, Whisper, Barge or None.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var seat = await grains.GetGrain<ISeatSupervisionGrain>(seatId).Monitor(request.Mode!.Value, user.Identity!.Name!);
        return TypedResults.Ok(SeatsApi.View(seat));
    }
}
