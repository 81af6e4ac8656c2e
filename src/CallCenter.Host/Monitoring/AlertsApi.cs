using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>Alerts looked back on: raised, acknowledged (by whom, with what note) and cleared, searchable by time, kind and text.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Monitoring").RequireAuthorization(Policies.Supervision);
        group.MapGet("/history", History);
        return group;
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
