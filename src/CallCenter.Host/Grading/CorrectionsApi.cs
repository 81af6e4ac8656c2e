using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>The error-correction loop: a clearly wrong answer becomes a callback to the taxpayer and a knowledge-base proposal.</summary>
public static class CorrectionsApi
{
    public sealed record MarkRequest(double? AtSeconds, string? WrongAnswer, string? CorrectAnswer, string? PolicyReference);

    /// <summary>A correction as graders see it: the taxpayer's number masked.</summary>
    public sealed record CorrectionView(string CorrectionId, string CallId, string Agent, string Caller, double AtSeconds, string WrongAnswer,
        string CorrectAnswer, string? PolicyReference, string MarkedBy, DateTimeOffset MarkedAt, DateTimeOffset CallbackDue, CorrectionStatus Status);

    public static RouteGroupBuilder MapCorrections(this RouteGroupBuilder group)
    {
        group.MapPost("/calls/{callId}/corrections", Mark).RequireAuthorization(Policies.Grading);
        group.MapGet("/corrections", async (CorrectionStatus? status, ClaimsPrincipal user, ICorrections corrections) =>
            TypedResults.Ok((await corrections.List(status)).Select(c => View(c, user)).ToArray())).RequireAuthorization(Policies.Grading);
        group.MapPost("/corrections/{correctionId}/callback-done", CallbackDone).RequireAuthorization(Policies.Supervision);
        return group;
    }

    /// <summary>
    /// A grader assigned to the call, or a supervisor (also while listening live), marks the moment and the correct
    /// answer; the callback is due the same working day (当日), or the next one after closing time.
    /// </summary>
    private static async Task<IResult> Mark(string callId, MarkRequest request, ClaimsPrincipal user, IGrainFactory grains, ICorrections corrections, CallCenterClock clock)
    {
        var check = new Validation()
            .Id("callId", callId)
            .Require("atSeconds", request.AtSeconds is >= 0 and < 86_400, "'atSeconds' is the moment in the call, in seconds.")
            .Text("wrongAnswer", request.WrongAnswer, 2000)
            .Text("correctAnswer", request.CorrectAnswer, 2000)
            .Text("policyReference", request.PolicyReference, 500, required: false);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await Recording.CallAccess.Reachable(callId, user, grains, Recording.CallAccess.Use.Mark) is not { } call)
        {
            return TypedResults.Problem("Only a grader assigned to this call or a supervisor may mark its answers.", statusCode: 403);
        }

        var agent = call.Agent ?? "";
        var due = await grains.GetGrain<CallCenter.Calendar.ICalendarGrain>(CalendarApi.Region).EndOfWorkingDay(clock.Now, 0);
        var name = user.Identity!.Name!;
        var correction = await CorrectionCallback.Open(grains, corrections, clock, new Correction(
            $"{callId}.{Math.Round(request.AtSeconds!.Value * 10)}", callId, agent, call.Caller, request.AtSeconds.Value, request.WrongAnswer!.Trim(),
            request.CorrectAnswer!.Trim(), request.PolicyReference?.Trim(), name, clock.Now, due.At, CorrectionStatus.CallbackOpen));
        return TypedResults.Created($"/api/v1/grading/corrections", View(correction, user));
    }

    /// <summary>A supervisor records the callback on the agent's behalf: the correction's work order closes with it.</summary>
    private static async Task<IResult> CallbackDone(string correctionId, ClaimsPrincipal user, IGrainFactory grains, ICorrections corrections)
    {
        if (await corrections.Get(correctionId) is null)
        {
            return TypedResults.Problem($"There is no correction '{correctionId}'.", statusCode: 404);
        }

        var order = WorkOrdersApi.Grain(grains, CorrectionCallback.OrderId(correctionId));
        if ((await order.Get()).Status != CallCenter.WorkOrders.WorkOrderStatus.Closed)
        {
            await order.Replied("callback made (recorded by a supervisor)", user.Actor());
        }

        return TypedResults.Ok(View((await corrections.Get(correctionId))!, user));
    }

    private static CorrectionView View(Correction c, ClaimsPrincipal user) => new(
        c.CorrectionId, c.CallId, c.Agent, user.MaySupervise() ? c.Caller : CallCenter.Routing.AcdRanking.MaskCaller(c.Caller), c.AtSeconds, c.WrongAnswer, c.CorrectAnswer,
        c.PolicyReference, c.MarkedBy, c.MarkedAt, c.CallbackDue, c.Status);
}
