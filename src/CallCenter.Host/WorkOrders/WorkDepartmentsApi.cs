using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host;

/// <summary>The departments that take work orders, with their liaison, backup, head and handlers: administrators configure them.</summary>
public static class WorkDepartmentsApi
{
    public sealed record DepartmentRequest(string? Name, string? Liaison, string? Backup, string? Head, List<string>? Handlers);

    public sealed record CauseRequest(string? Id, string? Name, string? NameEn);

    public static RouteGroupBuilder MapWorkDepartments(this RouteGroupBuilder group)
    {
        group.MapGet("/departments", (IGrainFactory grains) => grains.GetGrain<IWorkDirectoryGrain>(0).List());
        group.MapPut("/departments/{departmentId}", Put).RequireAuthorization(Policies.Administration);
        group.MapGet("/causes", (IGrainFactory grains) => grains.GetGrain<IWorkDirectoryGrain>(0).Causes());
        group.MapPut("/causes", PutCauses).RequireAuthorization(Policies.Administration);
        return group;
    }

    /// <summary>Replaces the managed list of complaint causes; ids already used stay meaningful, so keep them.</summary>
    private static async Task<IResult> PutCauses(List<CauseRequest?>? causes, ClaimsPrincipal user, IGrainFactory grains)
    {
        var list = causes ?? [];
        var check = new Validation().Require("causes", list.Count is > 0 and <= 50, "Between 1 and 50 causes.")
            .Require("causes", list.Where(c => c?.Id is not null).Select(c => c!.Id).Distinct().Count() == list.Count, "Each cause has its own id.", "exists");
        foreach (var (cause, i) in list.Select((c, i) => (c, i)))
        {
            check.Id($"causes[{i}].id", cause?.Id).Text($"causes[{i}].name", cause?.Name, 50).Text($"causes[{i}].nameEn", cause?.NameEn, 80);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkDirectoryGrain>(0).PutCauses(
            [.. list.Select(c => new ComplaintCause(c!.Id!, c.Name!.Trim(), c.NameEn!.Trim()))], user.Name()));
    }

    private static async Task<IResult> Put(string departmentId, DepartmentRequest request, ClaimsPrincipal user, IGrainFactory grains, UserManager<IdentityUser> users)
    {
        var check = new Validation().Id("departmentId", departmentId).Text("name", request.Name, 100)
            .Require("handlers", (request.Handlers?.Count ?? 0) <= 200 && (request.Handlers ?? []).All(Validation.IsId), "At most 200 handlers, each a user name.")
            .Require("liaison", request.Liaison is null || Validation.IsId(request.Liaison), "The liaison is a user name.")
            .Require("backup", request.Backup is null || Validation.IsId(request.Backup), "The backup is a user name.")
            .Require("head", request.Head is null || Validation.IsId(request.Head), "The head is a user name.")
            .Require("liaison", request.Liaison is not null || request.Backup is not null, "A department needs a liaison or a backup to receive orders when no duty officer is on shift.");
        foreach (var (field, person) in new[] { ("liaison", request.Liaison), ("backup", request.Backup), ("head", request.Head) }
            .Concat((request.Handlers ?? []).Select(h => ("handlers", (string?)h))))
        {
            if (person is not null && Validation.IsId(person))
            {
                await check.KnownUser(field, person, users);
            }
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkDirectoryGrain>(0).Put(new WorkDepartment(departmentId, request.Name!.Trim(),
            request.Liaison, request.Backup, request.Head, (request.Handlers ?? []).Distinct().ToArray()), user.Name()));
    }
}
