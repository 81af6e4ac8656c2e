using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// Alerts looked back on (raised, acknowledged by whom with what note, cleared; searchable by time, kind and text), and
/// the thresholds that raise them.
/// </summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Monitoring").RequireAuthorization(Policies.Supervision);
        group.MapGet("/history", History);
        group.MapGet("/rules", (IGrainFactory grains) => grains.GetGrain<IMonitorBoard>(0).GetRules());
        group.MapPost("/acknowledge", Acknowledge);
        group.MapPut("/rules", SetRules).RequireAuthorization(Policies.Administration);
        return group;
    }

    /// <summary>An open alert's key (as the wall shows it) and an optional note.</summary>
    public sealed record AcknowledgeRequest(string? Key, string? Note);

    /// <summary>Acknowledges an open alert, recorded with the supervisor's name (the wallboard's button; the hub's Acknowledge does the same).</summary>
    private static async Task<Results<Ok<Alert>, ValidationProblem>> Acknowledge(AcknowledgeRequest r, System.Security.Claims.ClaimsPrincipal user, IGrainFactory grains)
    {
        var check = new Validation().Text("key", r.Key, 200).Text("note", r.Note, 500, required: false);
        return check.IsValid
            ? TypedResults.Ok(await grains.GetGrain<IMonitorBoard>(0).Acknowledge(r.Key!, user.Identity!.Name!, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note))
            : check.Problem();
    }

    /// <summary>Every threshold, as the administration page's alert tab sends them; zero switches a timed rule off.</summary>
    public sealed record RulesRequest(
        int? NotReadyMaxSeconds, int? OnCallMaxSeconds, int? WrapUpMaxSeconds, bool? RemotePhoneOffline, double? ServiceLevelTargetPercent,
        int? ServiceLevelMinimumCalls, int? LongestWaitMaxSeconds, int? HoldSeconds, int? ClearSeconds, double? ServiceLevelClearMarginPercent);

    private static async Task<Results<Ok<AlertRules>, ValidationProblem>> SetRules(
        RulesRequest r, System.Security.Claims.ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Require("notReadyMaxSeconds", r.NotReadyMaxSeconds is >= 0 and <= 86_400, "'notReadyMaxSeconds' is 0 (off) to 86400 seconds.")
            .Require("onCallMaxSeconds", r.OnCallMaxSeconds is >= 0 and <= 86_400, "'onCallMaxSeconds' is 0 (off) to 86400 seconds.")
            .Require("wrapUpMaxSeconds", r.WrapUpMaxSeconds is >= 0 and <= 86_400, "'wrapUpMaxSeconds' is 0 (off) to 86400 seconds.")
            .Require("remotePhoneOffline", r.RemotePhoneOffline is not null, "'remotePhoneOffline' is true or false.")
            .Require("serviceLevelTargetPercent", r.ServiceLevelTargetPercent is >= 0 and <= 100, "'serviceLevelTargetPercent' is 0 (off) to 100.")
            .Require("serviceLevelMinimumCalls", r.ServiceLevelMinimumCalls is >= 1 and <= 100_000, "'serviceLevelMinimumCalls' is 1 to 100000.")
            .Require("longestWaitMaxSeconds", r.LongestWaitMaxSeconds is >= 0 and <= 86_400, "'longestWaitMaxSeconds' is 0 (off) to 86400 seconds.")
            .Require("holdSeconds", r.HoldSeconds is >= 0 and <= 600, "'holdSeconds' is 0 to 600 seconds.")
            .Require("clearSeconds", r.ClearSeconds is >= 0 and <= 600, "'clearSeconds' is 0 to 600 seconds.")
            .Require("serviceLevelClearMarginPercent", r.ServiceLevelClearMarginPercent is >= 0 and <= 50, "'serviceLevelClearMarginPercent' is 0 to 50.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var rules = new AlertRules
        {
            NotReadyMaxSeconds = r.NotReadyMaxSeconds!.Value, OnCallMaxSeconds = r.OnCallMaxSeconds!.Value, WrapUpMaxSeconds = r.WrapUpMaxSeconds!.Value,
            RemotePhoneOffline = r.RemotePhoneOffline!.Value, ServiceLevelTargetPercent = r.ServiceLevelTargetPercent!.Value,
            ServiceLevelMinimumCalls = r.ServiceLevelMinimumCalls!.Value, LongestWaitMaxSeconds = r.LongestWaitMaxSeconds!.Value,
            HoldSeconds = r.HoldSeconds!.Value, ClearSeconds = r.ClearSeconds!.Value, ServiceLevelClearMarginPercent = r.ServiceLevelClearMarginPercent!.Value,
        };
        var saved = await grains.GetGrain<IMonitorBoard>(0).SetRules(rules);
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "alert-rules", "alerts",
            $"notReady={rules.NotReadyMaxSeconds}s onCall={rules.OnCallMaxSeconds}s wrapUp={rules.WrapUpMaxSeconds}s phone={rules.RemotePhoneOffline} " +
            $"serviceLevel={rules.ServiceLevelTargetPercent}%/{rules.ServiceLevelMinimumCalls} wait={rules.LongestWaitMaxSeconds}s hold={rules.HoldSeconds}s clear={rules.ClearSeconds}s margin={rules.ServiceLevelClearMarginPercent}");
        return TypedResults.Ok(saved);
    }

    private static async Task<Results<Ok<IReadOnlyList<Alert>>, ValidationProblem>> History(
        DateTimeOffset? from, DateTimeOffset? to, string? kind, string? q, int? limit, IAlertHistory history, CallCenterClock clock)
    {
        var start = from ?? clock.At(clock.Today, TimeOnly.MinValue);
        var end = to ?? clock.Now.AddMinutes(1);
        AlertKind parsed = default;
        var check = new Validation()
            .Require("to", start < end, "'to' must be after 'from'.")
            .Require("kind", kind is null || Enum.TryParse(kind, ignoreCase: false, out parsed), $"'kind' is one of {string.Join(", ", Enum.GetNames<AlertKind>())}.")
            .Text("q", q, 100, required: false)
            .Range("limit", limit, 1, 500);
        return check.IsValid
            ? TypedResults.Ok(await history.Search(start, end, kind is null ? null : parsed, q, limit ?? 100))
            : check.Problem();
    }
}
