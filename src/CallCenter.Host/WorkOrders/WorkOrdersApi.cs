using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CallCenter.Host;

/// <summary>Work orders: opening (seats), inboxes, the order in full (audited, masked by role), and every step of its flow.</summary>
public static class WorkOrdersApi
{
    public sealed record TaxpayerRequest(string? Name, string? Phone, string? TaxpayerId);

    public sealed record TaxReportRequest(string? Subject, string? SubjectTaxpayerId, string? Conduct, string? Period, decimal? Amount, bool? Anonymous);

    public sealed record DispatchRequest(string? Engineer, string? Address, DateTimeOffset? AgreedAt);

    public sealed record OpenRequest(WorkOrderKind? Kind, string? Department, string? CallId, TaxpayerRequest? Taxpayer, string? Question,
        TaxReportRequest? TaxReport, ComplaintSeverity? Severity, string? Against, string? Assignee, string? SourceOrder = null, DispatchRequest? Dispatch = null);

    public sealed record Opened(WorkOrderView Order, string? Hotline);

    public static RouteGroupBuilder MapWorkOrdersApi(this RouteGroupBuilder group)
    {
        group.WithTags("Work orders").RequireAuthorization(Policies.Staff);
        group.MapPost("", Open).RequireAuthorization(Policies.SeatWork);
        group.MapGet("", List);
        group.MapGet("/tasks", Tasks);
        group.MapGet("/notices", Notices);
        group.MapGet("/integrity-hotline", (IOptions<WorkOrderLimits> limits) => TypedResults.Ok(new { hotline = limits.Value.DisciplineHotline }));
        group.MapGet("/{orderId}", Detail);
        group.MapWorkOrderSteps();
        group.MapAttachments();
        group.MapWorkDepartments();
        group.MapGroup("/reports").MapWorkOrderReports();
        return group;
    }

    private static async Task<IResult> Open(OpenRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock, IOptions<WorkOrderLimits> limits,
        UserManager<IdentityUser> users)
    {
        var t = request.Taxpayer;
        var r = request.TaxReport;
        var check = new Validation()
            .Require("kind", request.Kind is not null and not WorkOrderKind.Correction, "'kind' is HardQuestion, TaxReport, ServiceComplaint, IntegrityReferral, FollowUp or OnSite (corrections come from grading).")
            .Text("department", request.Department, 64, required: false)
            .Text("question", request.Question, 4000, required: false)
            .Text("taxpayer.name", t?.Name, 100, required: false)
            .Require("taxpayer.phone", t?.Phone is null || PhonePattern(t.Phone), "A phone number is 3–20 digits, optionally with a leading +.")
            .Require("taxpayer.taxpayerId", t?.TaxpayerId is null || TaxpayerIdPattern(t.TaxpayerId), "A taxpayer id is 15–20 letters and digits.")
            .Text("taxReport.subject", r?.Subject, 200, required: r is not null)
            .Text("taxReport.conduct", r?.Conduct, 4000, required: r is not null)
            .Text("taxReport.period", r?.Period, 100, required: false)
            .Require("taxReport.amount", r?.Amount is null or >= 0, "An amount is not negative.")
            .Text("against", request.Against, 64, required: false)
            .Text("assignee", request.Assignee, 64, required: false);
        if (request.CallId is not null)
        {
            check.Id("callId", request.CallId);
        }

        await check.KnownUser("against", request.Against, users);
        if (request.Kind == WorkOrderKind.OnSite)
        {
            var d = request.Dispatch;
            check.Id("sourceOrder", request.SourceOrder)
                .Require("dispatch", d is not null, "An on-site service needs its dispatch record: engineer, address and the time agreed with the taxpayer.", "required")
                .Id("dispatch.engineer", d?.Engineer)
                .Text("dispatch.address", d?.Address, 500)
                .Require("dispatch.agreedAt", d?.AgreedAt is not null, "The time agreed with the taxpayer is required.", "required");
            await check.KnownUser("dispatch.engineer", d?.Engineer, users);
        }

        if (request.Kind == WorkOrderKind.FollowUp)
        {
            await check.KnownUser("assignee", request.Assignee, users);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (request.Kind == WorkOrderKind.OnSite)
        {
            // Dispatching from an order copies its taxpayer: only someone working on that order may.
            await Visible(request.SourceOrder!, user, grains, acting: true);
        }

        var phone = t?.Phone;
        if (request.CallId is { } callId)
        {
            // Opening an order on a call reveals its caller: only the agent who took it (or a supervisor) may.
            if (await Recording.CallAccess.Reachable(callId, user, grains, Recording.CallAccess.Use.OpenOrder) is not { } call)
            {
                return Recording.CallAccess.Refused(callId);
            }

            phone ??= request.Kind == WorkOrderKind.IntegrityReferral ? null : call.Caller;
        }

        // An anonymous reporter leaves no name and no number behind, not even the one the call came from.
        var anonymous = request.Kind == WorkOrderKind.TaxReport && r?.Anonymous == true;
        var taxpayer = anonymous || (t is null && phone is null) ? Taxpayer.None : new Taxpayer(Validation.Trimmed(t?.Name), phone, Validation.Trimmed(t?.TaxpayerId));
        var opening = new WorkOrderOpening(request.Kind!.Value, Validation.Trimmed(request.Department), request.CallId, taxpayer, Validation.Trimmed(request.Question),
            r is null ? null : new TaxReportDetails(r.Subject!.Trim(), Validation.Trimmed(r.SubjectTaxpayerId), r.Conduct!.Trim(), Validation.Trimmed(r.Period), r.Amount, r.Anonymous ?? false),
            request.Severity, Validation.Trimmed(request.Against), Assignee: request.Kind == WorkOrderKind.FollowUp ? Validation.Trimmed(request.Assignee) : null,
            SourceOrder: request.Kind == WorkOrderKind.OnSite ? request.SourceOrder : null,
            Dispatch: request.Kind == WorkOrderKind.OnSite ? new OnSiteDispatch(request.Dispatch!.Engineer!, request.Dispatch.Address!.Trim(), request.Dispatch.AgreedAt!.Value) : null);
        var id = $"WO{clock.Today:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..6]}";
        var order = await grains.GetGrain<IWorkOrderGrain>(id).Open(opening, user.Actor());
        return TypedResults.Created($"/api/v1/work-orders/{id}",
            new Opened(order, request.Kind == WorkOrderKind.IntegrityReferral ? limits.Value.DisciplineHotline : null));
    }

    /// <summary>
    /// An inbox: <c>box</c> = mine (assigned to me), owned (I received it), department (my departments'), or all I may
    /// see (default); open orders, or every order opened in <c>month</c> (yyyy-MM).
    /// </summary>
    private static async Task<IResult> List(string? box, WorkOrderKind? kind, WorkOrderStatus? status, string? month, ClaimsPrincipal user,
        IGrainFactory grains, IWorkOrderSummaries summaries, CallCenterClock clock)
    {
        if (box is not (null or "mine" or "owned" or "department" or "pool" or "all"))
        {
            throw new DomainValidationException("box", "'box' is mine, owned, department, pool (follow-ups waiting for a caller) or all.");
        }

        var orders = await Orders(summaries, clock, month);
        var departments = await grains.GetGrain<IWorkDirectoryGrain>(0).List();
        var me = user.Name();
        var mine = departments.Where(d => d.HasMember(me)).Select(d => d.Id).ToHashSet();
        return TypedResults.Ok(orders
            .Where(o => WorkOrderAccess.MaySee(user, o.Kind, o.Department, o.Participants, departments))
            .Where(o => box switch
            {
                "mine" => o.Assignee == me,
                "owned" => o.Owner == me,
                "pool" => o.AssigneeLevel == AssigneeLevel.FollowUpPool,
                "department" => o.Department is { } d && mine.Contains(d),
                _ => true,
            })
            .Where(o => (kind is null || o.Kind == kind) && (status is null || o.Status == status))
            .Select(o => Current(o, clock))
            .OrderBy(o => o.Due ?? DateTimeOffset.MaxValue).ToArray());
    }

    /// <summary>The signed-in seat's tasks: replies, callbacks and follow-ups assigned to them, earliest due first.</summary>
    private static async Task<IResult> Tasks(ClaimsPrincipal user, IWorkOrderSummaries summaries, CallCenterClock clock) =>
        TypedResults.Ok((await summaries.Open())
            .Where(o => o.Assignee == user.Name() && o.AssigneeLevel == AssigneeLevel.Seat)
            .Select(o => Current(o, clock)).OrderBy(o => o.Due ?? DateTimeOffset.MaxValue).ToArray());

    private static async Task<IResult> Notices(ClaimsPrincipal user, IGrainFactory grains)
    {
        IEnumerable<WorkNotice> all = await grains.GetGrain<IWorkNoticesGrain>(user.Name()).List();
        if (user.MaySupervise())
        {
            all = all.Concat(await grains.GetGrain<IWorkNoticesGrain>(IWorkNoticesGrain.Supervisors).List());
        }

        if (user.IsInRole(Roles.QualityOfficer))
        {
            all = all.Concat(await grains.GetGrain<IWorkNoticesGrain>(IWorkNoticesGrain.FollowUpPool).List());
        }

        return TypedResults.Ok(all.OrderByDescending(n => n.At).Take(100).ToArray());
    }

    /// <summary>Every view of an order's details is audited.</summary>
    private static async Task<IResult> Detail(string orderId, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var order = await Visible(orderId, user, grains);
        await Reporting.Audit.Record(grains, clock, user.Name(), "work-order-view", $"work-order:{orderId}", order.Kind.ToString());
        return TypedResults.Ok(WorkOrderAccess.Masked(user, order));
    }

    /// <summary>The order, if this person may see it: 404 for an unknown id, 403 for someone else's department.</summary>
    public static async Task<WorkOrderView> Visible(string orderId, ClaimsPrincipal user, IGrainFactory grains, bool acting = false)
    {
        var order = await Grain(grains, orderId).Get();
        var departments = await grains.GetGrain<IWorkDirectoryGrain>(0).List();
        var allowed = acting
            ? WorkOrderAccess.MayAct(user, order.Kind, order.Department, order.Participants, departments)
            : WorkOrderAccess.MaySee(user, order.Kind, order.Department, order.Participants, departments);
        return allowed ? order : throw new NotPermittedException($"Work order '{orderId}' belongs to another department; only its participants and department see it.");
    }

    public static IWorkOrderGrain Grain(IGrainFactory grains, string orderId) => Validation.IsId(orderId)
        ? grains.GetGrain<IWorkOrderGrain>(orderId)
        : throw new DomainValidationException("orderId", "A work-order id is 1–64 letters, digits, '.', '_', ':' or '-'.");

    /// <summary>The open orders, or every order opened in <paramref name="month"/>.</summary>
    public static Task<IReadOnlyList<WorkOrderSummary>> Orders(IWorkOrderSummaries summaries, CallCenterClock clock, string? month) =>
        month is null ? summaries.Open() : summaries.Month(clock.Month(month));

    /// <summary>Overdue as of now (the stored summary says so only from the order's last change).</summary>
    public static WorkOrderSummary Current(WorkOrderSummary o, CallCenterClock clock) =>
        o with { Overdue = o.Status != WorkOrderStatus.Closed && o.Due is { } due && clock.Now > due };

    /// <summary>A field naming a person must name a user who exists (a veto or a task for nobody is lost).</summary>
    public static async Task<Validation> KnownUser(this Validation check, string field, string? name, UserManager<IdentityUser> users)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            var trimmed = name.Trim();
            check.Require(field, Validation.IsId(trimmed) && await users.FindByNameAsync(trimmed) is not null, $"'{trimmed}' is not a user.", "no-user");
        }

        return check;
    }

    private static bool PhonePattern(string value) => System.Text.RegularExpressions.Regex.IsMatch(value, @"\A\+?[0-9]{3,20}\z");

    private static bool TaxpayerIdPattern(string value) => System.Text.RegularExpressions.Regex.IsMatch(value, @"\A[0-9A-Za-z]{15,20}\z");
}
