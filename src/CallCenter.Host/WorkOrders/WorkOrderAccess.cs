using System.Security.Claims;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// Confidentiality: who may see an order, and who sees the taxpayer behind it. Supervisors see everything; graders
/// read every order with the taxpayer masked; everyone else sees the orders they take part in or their department's,
/// and only the seats (who call the taxpayer back) see the taxpayer unmasked.
/// </summary>
public static class WorkOrderAccess
{
    public static string Name(this ClaimsPrincipal user) => user.Identity!.Name!;

    public static Actor Actor(this ClaimsPrincipal user) => new(user.Name(), user.MaySupervise());

    public static bool MaySee(ClaimsPrincipal user, string? department, IReadOnlyList<string> participants, IReadOnlyList<WorkDepartment> departments) =>
        user.IsInRole(Roles.Grader) || MayAct(user, department, participants, departments);

    /// <summary>Acting on an order takes part in it (or its department); graders only read.</summary>
    public static bool MayAct(ClaimsPrincipal user, string? department, IReadOnlyList<string> participants, IReadOnlyList<WorkDepartment> departments) =>
        user.MaySupervise() || participants.Contains(user.Name()) || departments.Any(d => d.Id == department && d.HasMember(user.Name()));

    public static WorkOrderView Masked(ClaimsPrincipal user, WorkOrderView order) =>
        user.MaySupervise() || user.IsInRole(Roles.Agent) && order.Participants.Contains(user.Name())
            ? order
            : order with { Taxpayer = Mask(order.Taxpayer) };

    public static Taxpayer Mask(Taxpayer taxpayer) => new(
        taxpayer.Name is { Length: > 0 } name ? name[..1] + new string('*', Math.Max(1, name.Length - 1)) : null,
        taxpayer.Phone is { } phone ? CallCenter.Routing.AcdRanking.MaskCaller(phone) : null,
        taxpayer.TaxpayerId is { Length: > 6 } id ? id[..4] + new string('*', id.Length - 6) + id[^2..] : taxpayer.TaxpayerId is null ? null : "****");
}
