using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Monitoring;

namespace CallCenter.Host;

public static class QueuesApi
{
    public sealed record OverflowRequest(int? AfterSeconds, string? ToQueue);

    public sealed record QueueRequest(string? Name, RoutingStrategy? Strategy, int? ServiceLevelSeconds, int? RingTimeoutSeconds, OverflowRequest? Overflow);

    public sealed record QueueView(string QueueId, string Name, RoutingStrategy Strategy, int ServiceLevelSeconds, int RingTimeoutSeconds, OverflowRule? Overflow);

    public sealed record QueueListItem(string QueueId, string Name, int ServiceLevelSeconds);

    public static RouteGroupBuilder MapQueuesApi(this RouteGroupBuilder group)
    {
        group.WithTags("Queues");
        group.MapGet("", async (IGrainFactory grains) => TypedResults.Ok((await grains.GetGrain<IMonitorBoard>(0).Snapshot()).Queues
            .OrderBy(q => q.QueueId, StringComparer.Ordinal).Select(q => new QueueListItem(q.QueueId, q.Name, q.ServiceLevelSeconds)).ToArray()))
            .RequireAuthorization(Policies.Supervision);
        group.MapPut("/{queueId}", Define).RequireAuthorization(Policies.Administration);
        group.MapGet("/{queueId}", Get).RequireAuthorization(Policies.Supervision);
        group.MapGet("/{queueId}/stats", Stats).RequireAuthorization(Policies.Supervision);
        return group;
    }

    private static async Task<Results<Ok<QueueView>, ValidationProblem>> Define(string queueId, QueueRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Id("queueId", queueId)
            .Text("name", request.Name, 100)
            .Range("serviceLevelSeconds", request.ServiceLevelSeconds, 1, 3600)
            .Range("ringTimeoutSeconds", request.RingTimeoutSeconds, 5, 300);
        if (request.Overflow is { } overflow)
        {
            check.Range("overflow.afterSeconds", overflow.AfterSeconds ?? 0, 5, 86_400)
                .Id("overflow.toQueue", overflow.ToQueue)
                .Require("overflow.toQueue", overflow.ToQueue != queueId, "A queue cannot overflow into itself.");
            if (check.IsValid && !await Exists(grains, overflow.ToQueue!))
            {
                check.Require("overflow.toQueue", false, $"Queue '{overflow.ToQueue}' is not defined; define it first.", "undefined");
            }
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var definition = await grains.GetGrain<IQueueGrain>(queueId).Define(new QueueDefinition(
            request.Name!.Trim(),
            request.Strategy ?? RoutingStrategy.LongestIdle,
            request.ServiceLevelSeconds ?? 20,
            request.RingTimeoutSeconds ?? 20,
            request.Overflow is { } o ? new OverflowRule(o.AfterSeconds!.Value, o.ToQueue!) : null));
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "queue-define", queueId,
            $"strategy={definition.Strategy}; serviceLevel={definition.ServiceLevelSeconds}s; ringTimeout={definition.RingTimeoutSeconds}s; overflow={(definition.Overflow is { } rule ? $"{rule.AfterSeconds}s→{rule.ToQueue}" : "-")}");
        return TypedResults.Ok(View(queueId, definition));
    }

    private static async Task<Results<Ok<QueueView>, ValidationProblem>> Get(string queueId, IGrainFactory grains)
    {
        var check = new Validation().Id("queueId", queueId);
        return check.IsValid ? TypedResults.Ok(View(queueId, await grains.GetGrain<IQueueGrain>(queueId).GetDefinition())) : check.Problem();
    }

    private static async Task<Results<Ok<QueueStats>, ValidationProblem>> Stats(string queueId, IGrainFactory grains)
    {
        var check = new Validation().Id("queueId", queueId);
        return check.IsValid ? TypedResults.Ok(await grains.GetGrain<IQueueGrain>(queueId).GetStats()) : check.Problem();
    }

    internal static async Task<bool> Exists(IGrainFactory grains, string queueId) => await Definition(grains, queueId) is not null;

    /// <summary>The queue's definition, or null for a queue nobody defined.</summary>
    internal static async Task<QueueDefinition?> Definition(IGrainFactory grains, string queueId)
    {
        try
        {
            return await grains.GetGrain<IQueueGrain>(queueId).GetDefinition();
        }
        catch (NotConfiguredException)
        {
            return null;
        }
    }

    private static QueueView View(string id, QueueDefinition d) =>
        new(id, d.Name, d.Strategy, d.ServiceLevelSeconds, d.RingTimeoutSeconds, d.Overflow);
}
