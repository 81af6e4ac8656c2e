using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Knowledge;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// What the agent's screen shows when a call is offered or on: the caller (masked for agents), the queue, how long the
/// caller waited, this caller's previous calls, the open work orders opened from them, and knowledge entries for the
/// queue. Access follows the call: the agent logged in at the seat holding it (or a supervisor). Tax reports and
/// integrity referrals never appear (their reporters are confidential by rule).
/// </summary>
public static class ScreenPopApi
{
    public sealed record PreviousCall(string CallId, DateTimeOffset EnteredAt, string Queue, string QueueName, string? Agent, CallOutcome Outcome, double TalkSeconds, IReadOnlyList<string> WorkOrders);

    public sealed record OpenOrder(string OrderId, WorkOrderKind Kind, WorkOrderStatus Status, string? Department, string? Question, DateTimeOffset? Due, bool Overdue);

    public sealed record ScreenPop(
        string? CallId, SeatState State, string? Caller, string? Queue, string? QueueName, DateTimeOffset? EnteredAt, DateTimeOffset? AnsweredAt,
        IReadOnlyList<PreviousCall> PreviousCalls, IReadOnlyList<OpenOrder> OpenOrders, IReadOnlyList<KnowledgeHit> Suggestions);

    private const int PreviousCallsShown = 5;

    public static RouteGroupBuilder MapScreenPopApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{seatId}/screen-pop", Get).RequireAuthorization(Policies.SeatWork).WithTags("Seats");
        return group;
    }

    private static async Task<IResult> Get(string seatId, ClaimsPrincipal user, IGrainFactory grains, ICallRecords records, CallCenterClock clock)
    {
        var check = new Validation().Id("seatId", seatId);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var seat = await grains.GetGrain<ISeatGrain>(seatId).Get();
        if (!user.MaySupervise() && (seat.Agent != user.Identity!.Name || seat.State == SeatState.LoggedOut))
        {
            return CodedProblem.Of(StatusCodes.Status403Forbidden, "seat-not-yours", $"You are not logged in at seat '{seatId}'.", ("seat", seatId));
        }

        if (seat.CallId is not { } callId)
        {
            return TypedResults.Ok(new ScreenPop(null, seat.State, null, null, null, null, null, [], [], []));
        }

        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        var queueName = await QueueName(grains, call.Queue);
        var history = await records.Search(new CallQuery(Caller: call.Caller, Limit: PreviousCallsShown + 1));
        var earlier = history.Items.Where(c => c.CallId != callId).Take(PreviousCallsShown).ToArray();
        var names = new Dictionary<string, string>();
        foreach (var queue in earlier.Select(c => c.Queue).Distinct())
        {
            names[queue] = await QueueName(grains, queue) ?? queue;
        }

        var previous = earlier
            .Select(c => new PreviousCall(c.CallId, c.EnteredAt, c.Queue, names[c.Queue], c.Agent, c.Outcome, c.TalkSeconds, history.Extras?.GetValueOrDefault(c.CallId)?.WorkOrders ?? []))
            .ToArray();
        var orders = new List<OpenOrder>();
        foreach (var orderId in previous.SelectMany(c => c.WorkOrders).Distinct())
        {
            var order = await grains.GetGrain<IWorkOrderGrain>(orderId).Get();
            if (order.Status != WorkOrderStatus.Closed && order.Kind is not (WorkOrderKind.TaxReport or WorkOrderKind.IntegrityReferral))
            {
                orders.Add(new OpenOrder(order.OrderId, order.Kind, order.Status, order.Department, order.Summary().Brief, order.Due, order.Overdue));
            }
        }

        var suggestions = queueName is null ? [] : await grains.GetGrain<IKnowledgeIndexGrain>(0).Search(queueName, clock.Today, null, 3);
        return TypedResults.Ok(new ScreenPop(
            callId, seat.State, user.MaySupervise() ? call.Caller : Routing.AcdRanking.MaskCaller(call.Caller), call.Queue, queueName,
            call.Timeline.Count > 0 ? call.Timeline[0].At : null, call.Timeline.FirstOrDefault(e => e.State == CallState.Connected)?.At,
            previous, orders, suggestions));
    }

    private static async Task<string?> QueueName(IGrainFactory grains, string queueId) => (await QueuesApi.Definition(grains, queueId))?.Name;
}
