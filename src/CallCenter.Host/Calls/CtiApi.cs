using System.Text.RegularExpressions;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>Softswitch → platform events. Authenticated by the X-Api-Key header.</summary>
public static partial class CtiApi
{
    public sealed record PhoneRequest(bool? Registered);

    public sealed record NewCallRequest(string? CallId, string? Caller, string? Queue, int? Priority);

    public sealed record AnsweredRequest(string? SeatId);

    public sealed record ActiveCallsRequest(List<string>? CallIds);

    public sealed record ActiveCallsView(int Listed, int Held, IReadOnlyList<string> Ended);

    public static RouteGroupBuilder MapCtiApi(this RouteGroupBuilder group)
    {
        group.WithTags("CTI").RequireAuthorization(Policies.Softswitch);
        group.MapPost("/phones/{seatId}", Phone);
        group.MapPost("/calls", NewCall);
        group.MapPost("/calls/{callId}/answered", Answered);
        foreach (var kind in CallOnlyEvents.Keys)
        {
            group.MapPost($"/calls/{{callId}}/{kind}", (string callId, CtiFlow cti) => Event(callId, kind, cti));
        }

        group.MapPost("/active-calls", ActiveCalls);
        return group;
    }

    /// <summary>
    /// The switch's list of the calls it carries now: every call the platform holds as waiting, ringing or connected
    /// that is not on it (and is older than a few seconds) is ended, as if its end had been reported. Audited.
    /// </summary>
    private static async Task<Results<Ok<ActiveCallsView>, ValidationProblem>> ActiveCalls(ActiveCallsRequest request, IGrainFactory grains, CallCenterClock clock, CallCenterSettings settings)
    {
        var check = new Validation().Require("callIds", request.CallIds is { Count: <= 100_000 } && request.CallIds.All(Validation.IsId),
            "'callIds' lists the ids of every call the switch carries now (at most 100,000).");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var listed = request.CallIds!.ToHashSet();
        var held = await StuckCalls.Live(grains);
        var ended = new List<string>();
        foreach (var callId in held.Where(c => !listed.Contains(c)))
        {
            var call = await grains.GetGrain<ICallGrain>(callId).Get();
            if (call.Timeline[^1].At > clock.Now.AddSeconds(-settings.Cti.ActiveCallsGraceSeconds))
            {
                continue;
            }

            await StuckCalls.End(grains, callId);
            ended.Add(callId);
        }

        if (ended.Count > 0)
        {
            await Reporting.Audit.Record(grains, clock, "softswitch", "active-calls", "cti", $"{listed.Count} listed; ended {ended.Count}: {string.Join(",", ended.Take(20))}");
        }

        return TypedResults.Ok(new ActiveCallsView(listed.Count, held.Count, ended));
    }

    private static async Task<Results<Ok<SeatsApi.SeatView>, ValidationProblem>> Phone(string seatId, PhoneRequest request, IGrainFactory grains)
    {
        var check = new Validation().Id("seatId", seatId).Require("registered", request.Registered is not null, "'registered' (true or false) is required.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        Telemetry.CtiEvents.Add(1, new KeyValuePair<string, object?>("kind", "phone"));
        return TypedResults.Ok(SeatsApi.View(await grains.GetGrain<ISeatGrain>(seatId).PhoneRegistration(request.Registered!.Value)));
    }

    private static async Task<Results<Accepted<CallsApi.CallView>, ValidationProblem>> NewCall(NewCallRequest request, CtiFlow cti)
    {
        var (check, call) = await ApplyArrived(cti, request);
        return call is null ? check.Problem() : TypedResults.Accepted($"/api/v1/calls/{call.CallId}", CallsApi.View(call));
    }

    private static async Task<Results<Ok<CallsApi.CallView>, ValidationProblem>> Answered(string callId, AnsweredRequest request, CtiFlow cti)
    {
        var (check, call) = await ApplyAnswered(cti, callId, request.SeatId);
        return call is null ? check.Problem() : TypedResults.Ok(CallsApi.View(call));
    }

    private static async Task<Results<Ok<CallsApi.CallView>, ValidationProblem>> Event(string callId, string kind, CtiFlow cti)
    {
        var (check, call) = await ApplyEvent(cti, callId, kind);
        return call is null ? check.Problem() : TypedResults.Ok(CallsApi.View(call));
    }

    /// <summary>A call reached the switch: checked, then queued. The same for a POST and for the CTI hub.</summary>
    internal static async Task<(Validation Check, CallSnapshot? Call)> ApplyArrived(CtiFlow cti, NewCallRequest request)
    {
        var check = new Validation()
            .Id("callId", request.CallId)
            .Id("queue", request.Queue)
            .Require("caller", request.Caller is not null && CallerPattern().IsMatch(request.Caller), "'caller' must be a phone number: up to 32 digits, optionally starting with '+'.")
            .Range("priority", request.Priority, 0, 9);
        if (!check.IsValid)
        {
            return (check, null);
        }

        try
        {
            // The flow refuses a queue never defined before it creates the call (and remembers the queues it has seen),
            // so the busiest grain is not asked once more for every call.
            var call = await cti.CallArrived(request.CallId!, new CallArrival(request.Caller!, request.Queue!, request.Priority ?? 0));
            Telemetry.CtiEvents.Add(1, new KeyValuePair<string, object?>("kind", "arrived"));
            return (check, call);
        }
        catch (NotConfiguredException e) when (e.Entity == "Queue" && e.EntityId == request.Queue)
        {
            return (check.Require("queue", false, $"Queue '{request.Queue}' is not defined."), null);
        }
    }

    internal static async Task<(Validation Check, CallSnapshot? Call)> ApplyAnswered(CtiFlow cti, string callId, string? seatId)
    {
        var check = new Validation().Id("callId", callId).Id("seatId", seatId);
        if (!check.IsValid)
        {
            return (check, null);
        }

        Telemetry.CtiEvents.Add(1, new KeyValuePair<string, object?>("kind", "answered"));
        return (check, await cti.CallAnswered(callId, seatId!));
    }

    /// <summary>The events that name only the call, by the last segment of their endpoint.</summary>
    private static readonly Dictionary<string, Func<CtiFlow, string, Task<CallSnapshot>>> CallOnlyEvents = new()
    {
        ["held"] = (cti, callId) => cti.CallHeld(callId, true),
        ["retrieved"] = (cti, callId) => cti.CallHeld(callId, false),
        ["ended"] = (cti, callId) => cti.CallEnded(callId),
        ["abandoned"] = (cti, callId) => cti.CallAbandoned(callId),
        ["callback"] = (cti, callId) => cti.CallbackRequested(callId),
    };

    internal static async Task<(Validation Check, CallSnapshot? Call)> ApplyEvent(CtiFlow cti, string callId, string kind)
    {
        var check = new Validation().Id("callId", callId);
        check.Require("kind", CallOnlyEvents.ContainsKey(kind), $"'kind' is one of {string.Join(", ", CallOnlyEvents.Keys)}.");
        if (!check.IsValid)
        {
            return (check, null);
        }

        Telemetry.CtiEvents.Add(1, new KeyValuePair<string, object?>("kind", kind));
        return (check, await CallOnlyEvents[kind](cti, callId));
    }

    [GeneratedRegex(@"\A\+?[0-9]{1,32}\z")]
    private static partial Regex CallerPattern();
}
