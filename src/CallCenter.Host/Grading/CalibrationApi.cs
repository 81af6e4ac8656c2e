using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>Calibration sessions: one call scored blind by several graders, with the QA lead's score as the reference.</summary>
public static class CalibrationApi
{
    public sealed record OpenRequest(string? CallId, string? Agent, List<string>? Graders, string? Lead, string? FormId);

    public static RouteGroupBuilder MapCalibration(this RouteGroupBuilder group)
    {
        group.MapPost("/calibrations", Open).RequireAuthorization(Policies.Supervision);
        group.MapGet("/calibrations/{callId}", Report).RequireAuthorization(Policies.Grading);
        group.MapPost("/calibrations/{callId}/close", (string callId, ClaimsPrincipal user, IGrainFactory grains) =>
            grains.GetGrain<ICalibrationGrain>(callId).Close(user.Identity!.Name!)).RequireAuthorization(Policies.Supervision);
        return group;
    }

    /// <summary>While a calibration is open, a grader may see only their own evaluation of its call.</summary>
    public static async Task<bool> Blind(ClaimsPrincipal user, EvaluationView evaluation, IGrainFactory grains) =>
        !user.MaySupervise() && evaluation.Grader != user.Identity!.Name && await grains.GetGrain<ICalibrationGrain>(evaluation.CallId).IsOpen();

    private static async Task<Results<Ok<CalibrationReport>, ValidationProblem>> Open(OpenRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Id("callId", request.CallId)
            .Text("lead", request.Lead, 64)
            .Require("graders", request.Graders is { Count: >= 2 and <= 20 } && request.Graders.All(Validation.IsId), "'graders' lists 2–20 graders' user names.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var call = await grains.GetGrain<ICallGrain>(request.CallId!).Get();
        if (GradingApi.AgentToScore(call, request.Agent, check) is not { } agent)
        {
            return check.Problem();
        }

        return TypedResults.Ok(await grains.GetGrain<ICalibrationGrain>(request.CallId!).Open(
            agent, request.FormId ?? GradingApi.DefaultForm, request.Graders!, request.Lead!, user.Identity!.Name!));
    }

    /// <summary>Supervisors see the report at any time; graders once the session is closed (so nobody sees others' scores first).</summary>
    private static async Task<Results<Ok<CalibrationReport>, ForbidHttpResult>> Report(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var report = await grains.GetGrain<ICalibrationGrain>(callId).Report();
        return report.Open && !user.MaySupervise() ? TypedResults.Forbid() : TypedResults.Ok(report);
    }
}
