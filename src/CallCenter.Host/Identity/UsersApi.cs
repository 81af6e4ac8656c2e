using System.Security.Claims;
using CallCenter.Host.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// User administration for administrators: create, give roles, reset a password, disable and enable. A change of
/// roles, a reset or a disabling ends every session of that user at once (their cookies and tokens stop working).
/// Every action is audited.
/// </summary>
public static class UsersApi
{
    public sealed record NewUser(string? UserName, string? DisplayName, string? Department, List<string>? Roles, string? Password);

    public sealed record RolesChange(List<string>? Roles);

    public sealed record PasswordReset(string? Password);

    public sealed record Created(UserAdministration.UserView User, string TemporaryPassword);

    public sealed record ResetDone(string UserName, string TemporaryPassword);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder group)
    {
        group.WithTags("Users").RequireAuthorization(Policies.Administration);
        group.MapGet("", async (UserAdministration admin) => TypedResults.Ok(await admin.List()));
        group.MapPost("", Create);
        group.MapPut("/{userName}/roles", SetRoles);
        group.MapPost("/{userName}/reset-password", Reset);
        group.MapPost("/{userName}/disable", Disable);
        group.MapPost("/{userName}/enable", Enable);
        return group;
    }

    private static async Task<IResult> Create(NewUser request, UserAdministration admin, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Id("userName", request.UserName)
            .Text("displayName", request.DisplayName, 100, required: false)
            .Text("department", request.Department, 100, required: false);
        ValidRoles(check, request.Roles);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await admin.Find(request.UserName!) is not null)
        {
            return new Validation().Require("userName", false, $"A user '{request.UserName}' already exists.", "exists").Problem();
        }

        var (created, password) = await admin.Create(request.UserName!, Validation.Trimmed(request.DisplayName), Validation.Trimmed(request.Department), request.Roles!, request.Password);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "user-create", $"user:{created.UserName}", $"roles {string.Join(' ', created.Roles)}");
        return TypedResults.Created($"/api/v1/users/{created.UserName}", new Created(created, password));
    }

    private static async Task<IResult> SetRoles(string userName, RolesChange request, UserAdministration admin, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation();
        ValidRoles(check, request.Roles);
        check.Require("roles", userName != user.Identity!.Name || request.Roles?.Contains(Roles.Admin) == true, "An administrator cannot take the Admin role from themselves.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await admin.User(userName) is not { } target)
        {
            return NotFound(userName);
        }

        var view = await admin.SetRoles(target, request.Roles!);
        await Ended(grains, userName);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "user-roles", $"user:{userName}", $"roles {string.Join(' ', view.Roles)}; every session ended");
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> Reset(string userName, PasswordReset? request, UserAdministration admin, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        if (await admin.User(userName) is not { } target)
        {
            return NotFound(userName);
        }

        var password = await admin.Reset(target, request?.Password);
        await Ended(grains, userName);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "user-password-reset", $"user:{userName}", "must change it at next sign-in; every session ended");
        return TypedResults.Ok(new ResetDone(userName, password));
    }

    private static async Task<IResult> Disable(string userName, UserAdministration admin, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        if (userName == user.Identity!.Name)
        {
            return new Validation().Require("userName", false, "An administrator cannot disable themselves.").Problem();
        }

        if (await admin.User(userName) is not { } target)
        {
            return NotFound(userName);
        }

        var view = await admin.Disable(target);
        await Ended(grains, userName);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "user-disable", $"user:{userName}", "every session ended");
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> Enable(string userName, UserAdministration admin, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        if (await admin.User(userName) is not { } target)
        {
            return NotFound(userName);
        }

        var view = await admin.Enable(target);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "user-enable", $"user:{userName}", null);
        return TypedResults.Ok(view);
    }

    private static Task Ended(IGrainFactory grains, string userName) => Sessions.Of(grains, userName).RevokeAll(null);

    private static void ValidRoles(Validation check, List<string>? roles) =>
        check.Require("roles", roles is { Count: > 0 } && roles.Count <= Roles.People.Length && roles.All(r => Roles.People.Contains(r)) && roles.Distinct().Count() == roles.Count,
            $"'roles' lists one or more of {string.Join(", ", Roles.People)}, each once.");

    private static IResult NotFound(string userName) => TypedResults.Problem($"There is no user '{userName}'.", statusCode: 404);
}
