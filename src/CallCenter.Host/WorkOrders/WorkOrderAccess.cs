using System.Security.Claims;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// Confidentiality: who may see an order, and who sees the taxpayer behind it. Supervisors see everything; graders
/// read every order with the taxpayer (and a reported party's taxpayer id) masked; service-supervision officers work
/// every complaint and follow-up; everyone else sees the orders they take part in or their department's. Only the
/// people who call the taxpayer back (the seats of their orders, the follow-up callers) see the taxpayer unmasked.
/// </summary>
public static class WorkOrderAccess
{
    public static string Name(this ClaimsPrincipal user) => user.Identity!.Name!;

    public static Actor Actor(this ClaimsPrincipal user) => new(user.Name(), user.MaySupervise(), user.IsInRole(Roles.QualityOfficer));

    /// <summary>Complaints and follow-ups are the service-supervision officers' work (服务监督).</summary>
    public static bool SupervisesService(this ClaimsPrincipal user, WorkOrderKind kind) =>
        user.IsInRole(Roles.QualityOfficer) && kind is WorkOrderKind.ServiceComplaint or WorkOrderKind.FollowUp;

    public static bool MaySee(ClaimsPrincipal user, WorkOrderKind kind, string? department, IReadOnlyList<string> participants, IReadOnlyList<WorkDepartment> departments) =>
        user.IsInRole(Roles.Grader) || MayAct(user, kind, department, participants, departments);

    /// <summary>Acting on an order takes part in it (or its department); graders only read.</summary>
    public static bool MayAct(ClaimsPrincipal user, WorkOrderKind kind, string? department, IReadOnlyList<string> participants, IReadOnlyList<WorkDepartment> departments) =>
        user.MaySupervise() || user.SupervisesService(kind) || participants.Contains(user.Name()) || departments.Any(d => d.Id == department && d.HasMember(user.Name()));

    public static WorkOrderView Masked(ClaimsPrincipal user, WorkOrderView order)
    {
        if (user.MaySupervise() || user.IsInRole(Roles.Agent) && order.Participants.Contains(user.Name()) || user.SupervisesService(order.Kind))
        {
            return order;
        }

        return order with
        {
            Taxpayer = Mask(order.Taxpayer),
            TaxReport = order.TaxReport is { } report ? report with { SubjectTaxpayerId = MaskId(report.SubjectTaxpayerId) } : null,
        };
    }

    public static Taxpayer Mask(Taxpayer taxpayer) => new(
        taxpayer.Name is { Length: > 0 } name ? name[..1] + new string('*', Math.Max(1, name.Length - 1)) : null,
        taxpayer.Phone is { } phone ? CallCenter.Routing.AcdRanking.MaskCaller(phone) : null,
        MaskId(taxpayer.TaxpayerId));

    public static string? MaskId(string? taxpayerId) =>
        taxpayerId is { Length: > 6 } id ? id[..4] + new string('*', id.Length - 6) + id[^2..] : taxpayerId is null ? null : "****";
}
