using System.Security.Claims;
using CallCenter.Duty;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>One shift: check in and out (server time, address and device recorded), swaps, clock corrections.</summary>
public static class ShiftApi
{
    public sealed record CheckInRequest(string? Device);

    public sealed record CheckOutRequest(string? Notes, List<string>? OpenMatters, string? Device);

    public sealed record SwapAsk(string? Colleague, string? Note);

    public sealed record SwapAnswer(bool? Accept);

    public sealed record CorrectionRequest(string? Kind, DateTimeOffset? At, string? Reason);

    public static RouteGroupBuilder MapShiftApi(this RouteGroupBuilder group)
    {
        var shift = group.MapGroup("/shifts/{rotationId}/{date}/{template}");
        shift.MapGet("", (string rotationId, DateOnly date, string template, IGrainFactory grains) => Shift(grains, rotationId, date, template).Get());
        shift.MapPost("/check-in", CheckIn);
        shift.MapPost("/check-out", CheckOut);
        shift.MapPost("/swap", AskSwap);
        shift.MapPost("/swap/answer", AnswerSwap);
        shift.MapPost("/swap/approve", (string rotationId, DateOnly date, string template, ClaimsPrincipal user, IGrainFactory grains) =>
            DutyApi.Rotation(grains, rotationId).ApproveSwap(RosterGenerator.ShiftId(rotationId, date, template), user.Identity!.Name!, user.IsInRole(Roles.Admin)));
        shift.MapPost("/clock-corrections", Correct).RequireAuthorization(Policies.Administration);
        return group;
    }

    private static async Task<Results<Ok<ShiftView>, ValidationProblem>> CheckIn(
        string rotationId, DateOnly date, string template, CheckInRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        var check = new Validation().Text("device", request?.Device, 200, required: false);
        return check.IsValid
            ? TypedResults.Ok(await Shift(grains, rotationId, date, template).CheckIn(user.Identity!.Name!, Source(http, request?.Device)))
            : check.Problem();
    }

    private static async Task<Results<Ok<ShiftView>, ValidationProblem>> CheckOut(
        string rotationId, DateOnly date, string template, CheckOutRequest? request, ClaimsPrincipal user, HttpContext http, IGrainFactory grains)
    {
        var matters = request?.OpenMatters ?? [];
        var check = new Validation()
            .Text("notes", request?.Notes, 4000, required: false)
            .Require("openMatters", matters.Count <= 50 && matters.All(m => !string.IsNullOrWhiteSpace(m) && m.Length <= 500), "At most 50 open matters of 1–500 characters each.")
            .Text("device", request?.Device, 200, required: false);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var shift = Shift(grains, rotationId, date, template);
        return TypedResults.Ok(await shift.CheckOut(user.Identity!.Name!, request?.Notes?.Trim() ?? "", [.. matters.Select(m => m.Trim())], Source(http, request?.Device)));
    }

    private static async Task<Results<Ok<ShiftView>, ValidationProblem>> AskSwap(
        string rotationId, DateOnly date, string template, SwapAsk request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Text("colleague", request.Colleague, 64).Text("note", request.Note, 500, required: false);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var definition = await DutyApi.Rotation(grains, rotationId).GetDefinition();
        if (!definition.Departments.Any(d => d.Officers.Contains(request.Colleague!)))
        {
            return new Validation().Require("colleague", false, $"'{request.Colleague}' is not an officer of this rotation.").Problem();
        }

        return TypedResults.Ok(await Shift(grains, rotationId, date, template).RequestSwap(user.Identity!.Name!, request.Colleague!, request.Note?.Trim()));
    }

    private static async Task<Results<Ok<ShiftView>, ValidationProblem>> AnswerSwap(
        string rotationId, DateOnly date, string template, SwapAnswer request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Require("accept", request.Accept is not null, "'accept' is required: true or false.");
        return check.IsValid
            ? TypedResults.Ok(await Shift(grains, rotationId, date, template).AnswerSwap(user.Identity!.Name!, request.Accept!.Value))
            : check.Problem();
    }

    private static async Task<Results<Ok<ShiftView>, ValidationProblem>> Correct(
        string rotationId, DateOnly date, string template, CorrectionRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Require("kind", request.Kind is "in" or "out", "'kind' must be \"in\" or \"out\".")
            .Require("at", request.At is not null, "'at' is required (an ISO 8601 time with offset).")
            .Text("reason", request.Reason, 500);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var shift = Shift(grains, rotationId, date, template);
        var corrected = await shift.Correct(user.Identity!.Name!, request.Kind!, request.At!.Value, request.Reason!.Trim());
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "duty-clock-correct", corrected.Plan.Shift.ShiftId, $"{request.Kind} at {request.At:O}: {request.Reason}");
        return TypedResults.Ok(corrected);
    }

    private static ClockSource Source(HttpContext http, string? device)
    {
        var agent = http.Request.Headers.UserAgent.ToString();
        return new ClockSource(http.Connection.RemoteIpAddress?.ToString(), string.IsNullOrWhiteSpace(device) ? agent[..Math.Min(agent.Length, 200)] : device.Trim());
    }

    public static IShiftGrain Shift(IGrainFactory grains, string rotationId, DateOnly date, string template) =>
        Validation.IsId(rotationId) && Validation.IsId(template)
            ? grains.GetGrain<IShiftGrain>(RosterGenerator.ShiftId(rotationId, date, template))
            : throw new DomainValidationException("template", "Rotation and template ids are 1–64 letters, digits, '.', '_', ':' or '-'.");
}
