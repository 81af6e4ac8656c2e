using System.Security.Claims;
using CallCenter.Duty;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host;

/// <summary>Duty rotations (带班): rosters, check-in and check-out, swaps, handover, who is on duty now.</summary>
public static class DutyApi
{
    public sealed record TemplateRequest(string? Id, string? Name, TimeOnly? Start, TimeOnly? End);

    public sealed record DepartmentRequest(string? Id, string? Name, string? Head, List<string>? Officers);

    public sealed record RotationRequest(string? Name, List<TemplateRequest>? Templates, List<DepartmentRequest>? Departments, DutyRules? Rules);

    public sealed record LeaveRequest(string? Officer, DateOnly? From, DateOnly? To, string? Reason);

    public sealed record PeriodRequest(DateOnly? From, DateOnly? To);

    public sealed record EditRequest(string? Officer, string? Backup, string? Reason);

    public static RouteGroupBuilder MapDutyApi(this RouteGroupBuilder group)
    {
        group.WithTags("Duty");
        group.MapGet("/now", Now).RequireAuthorization(Policies.Staff);
        var duty = group.MapGroup("").RequireAuthorization(Policies.DutyWork);
        var rotation = duty.MapGroup("/rotations/{rotationId}");
        rotation.MapPut("", Define).RequireAuthorization(Policies.Administration);
        rotation.MapGet("", (string rotationId, IGrainFactory grains) => Rotation(grains, rotationId).GetDefinition());
        rotation.MapPost("/leave", DeclareLeave);
        rotation.MapGet("/leave", (string rotationId, IGrainFactory grains) => Rotation(grains, rotationId).GetLeave());
        rotation.MapPost("/roster/generate", Generate).RequireAuthorization(Policies.Administration);
        rotation.MapPut("/roster/shifts/{date}/{template}", Edit).RequireAuthorization(Policies.Administration);
        rotation.MapPost("/roster/publish", (string rotationId, ClaimsPrincipal user, IGrainFactory grains) => Rotation(grains, rotationId).Publish(user.Identity!.Name!))
            .RequireAuthorization(Policies.Administration);
        rotation.MapGet("/roster", GetRoster);
        rotation.MapGet("/roster.csv", RosterExport.Csv);
        rotation.MapGet("/roster.ics", RosterExport.Calendar);
        duty.MapShiftApi();
        duty.MapMyDutyApi();
        duty.MapDutyFeed(group);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<DutyTile>>> Now(string? department, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDutyRegisterGrain>(0).OnDuty(string.IsNullOrWhiteSpace(department) ? null : department));

    private static async Task<Results<Ok<RotationDefinition>, ValidationProblem>> Define(
        string rotationId, RotationRequest request, ClaimsPrincipal user, IGrainFactory grains, UserManager<IdentityUser> users)
    {
        var check = new Validation().Id("rotationId", rotationId);
        var people = (request.Departments ?? []).SelectMany(d => (d.Officers ?? []).Where(o => o is not null)).Distinct().ToList();
        foreach (var officer in people)
        {
            var found = await users.FindByNameAsync(officer);
            check.Require("departments", found is not null && await users.IsInRoleAsync(found, Roles.DutyOfficer), $"'{officer}' is not a user with the DutyOfficer role.");
        }

        foreach (var head in (request.Departments ?? []).Select(d => d.Head).OfType<string>().Distinct())
        {
            check.Require("departments", await users.FindByNameAsync(head) is not null, $"Head '{head}' is not a user.");
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var definition = new RotationDefinition(
            request.Name ?? "",
            (request.Templates ?? []).Select(t => new ShiftTemplate(t.Id ?? "", t.Name ?? "", t.Start ?? default, t.End ?? default)).ToArray(),
            (request.Departments ?? []).Select(d => new DutyDepartment(d.Id ?? "", d.Name ?? "", d.Head ?? "", d.Officers ?? [])).ToArray(),
            request.Rules ?? new DutyRules());
        return TypedResults.Ok(await Rotation(grains, rotationId).Define(definition, user.Identity!.Name!));
    }

    private static async Task<Results<Ok<IReadOnlyList<Leave>>, ValidationProblem, ForbidHttpResult>> DeclareLeave(
        string rotationId, LeaveRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Text("officer", request.Officer, 64)
            .Require("from", request.From is not null, "'from' is required (yyyy-MM-dd).")
            .Require("to", request.To is not null, "'to' is required (yyyy-MM-dd).")
            .Text("reason", request.Reason, 200);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (!user.IsInRole(Roles.Admin) && request.Officer != user.Identity!.Name)
        {
            return TypedResults.Forbid();
        }

        var leave = new Leave(request.Officer!, request.From!.Value, request.To!.Value, request.Reason!.Trim());
        return TypedResults.Ok(await Rotation(grains, rotationId).DeclareLeave(leave, user.Identity!.Name!));
    }

    private static async Task<Results<Ok<Roster>, ValidationProblem>> Generate(string rotationId, PeriodRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation()
            .Require("from", request.From is not null, "'from' is required (yyyy-MM-dd).")
            .Require("to", request.To is not null, "'to' is required (yyyy-MM-dd).");
        return check.IsValid
            ? TypedResults.Ok(await Rotation(grains, rotationId).Generate(request.From!.Value, request.To!.Value, user.Identity!.Name!))
            : check.Problem();
    }

    private static async Task<Results<Ok<RosterShift>, ValidationProblem>> Edit(
        string rotationId, DateOnly date, string template, EditRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Id("template", template).Text("officer", request.Officer, 64).Text("backup", request.Backup, 64, required: false).Text("reason", request.Reason, 200);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var shiftId = RosterGenerator.ShiftId(rotationId, date, template);
        var backup = string.IsNullOrWhiteSpace(request.Backup) ? null : request.Backup;
        return TypedResults.Ok(await Rotation(grains, rotationId).Edit(shiftId, request.Officer!, backup, request.Reason!.Trim(), user.Identity!.Name!));
    }

    private static async Task<Ok<Roster>> GetRoster(string rotationId, DateOnly? from, DateOnly? to, bool? draft, IGrainFactory grains, CallCenterClock clock)
    {
        var (start, end) = Period(from, to, clock);
        return TypedResults.Ok(await Rotation(grains, rotationId).GetRoster(start, end, draft ?? false));
    }

    /// <summary>The period a roster view or export covers: given, or this month and the next; at most 366 days.</summary>
    public static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, CallCenterClock clock)
    {
        var start = from ?? new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        var end = to ?? start.AddMonths(2).AddDays(-1);
        return end >= start && end.DayNumber - start.DayNumber <= 366
            ? (start, end)
            : throw new DomainValidationException("to", "'to' must be on or after 'from', at most 366 days later.");
    }

    public static IRotationGrain Rotation(IGrainFactory grains, string rotationId) =>
        Validation.IsId(rotationId) ? grains.GetGrain<IRotationGrain>(rotationId) : throw new DomainValidationException("rotationId", "A rotation id is 1–64 letters, digits, '.', '_', ':' or '-'.");
}
