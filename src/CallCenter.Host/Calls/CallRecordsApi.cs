using System.Globalization;
using System.Security.Claims;
using System.Text;
using CallCenter.History.Calls;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>
/// Search over finished calls (the query store's call detail records). Supervisors and administrators search every
/// call and see callers in full; an agent searches only the calls they took and sees callers masked, and may not
/// search by caller. Graders are not served here yet (their access follows assignments, call by call).
/// </summary>
public static class CallRecordsApi
{
    public sealed record CallRecordView(
        string CallId, string Caller, string Queue, IReadOnlyList<string> Queues, string? SeatId, string? Agent,
        DateTimeOffset EnteredAt, DateTimeOffset? OfferedAt, DateTimeOffset? AnsweredAt, DateTimeOffset EndedAt,
        double WaitSeconds, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, CallOutcome Outcome, int MissedOffers, bool HasRecording,
        double? LongestDeadAirSeconds, double? OverTalkSeconds, int? SurveyScore, double? EvaluationScore, IReadOnlyList<string> WorkOrders);

    /// <summary>The search's filters, as the query string gives them.</summary>
    public sealed record Filters(
        DateTimeOffset? From, DateTimeOffset? To, string? Queue, string? SeatId, string? Agent, string? Caller, string? Outcome,
        double? MinWaitSeconds, double? MinTalkSeconds, bool? HasRecording, double? MinScore, double? MaxScore);

    public sealed record CallRecordPage(IReadOnlyList<CallRecordView> Items, string? Next);

    public static RouteGroupBuilder MapCallRecordsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Call records").RequireAuthorization(Policies.CallReading);
        group.MapGet("/", Search);
        group.MapGet("/export", Export);
        return group;
    }

    private static async Task<IResult> Search(ClaimsPrincipal user, ICallRecords records, [AsParameters] Filters filters, string? after, int? limit)
    {
        var (query, problem) = Query(user, filters, after, limit ?? 50, CallRecords.MaxPage);
        if (problem is not null)
        {
            return problem;
        }

        var page = await records.Search(query!);
        var full = user.MaySupervise();
        return TypedResults.Ok(new CallRecordPage(page.Items.Select(c => View(c, page, full)).ToList(), page.Next));
    }

    /// <summary>The same search as CSV (UTF-8 with BOM; moments in the call centre's time zone), up to 100,000 rows, newest first.</summary>
    private static async Task<IResult> Export(ClaimsPrincipal user, ICallRecords records, CallCenterClock clock, [AsParameters] Filters filters)
    {
        var (query, problem) = Query(user, filters, null, CallRecords.MaxPage, CallRecords.MaxPage);
        if (problem is not null)
        {
            return problem;
        }

        var full = user.MaySupervise();
        var csv = new StringBuilder("call_id,caller,queue,queues,seat_id,agent,entered_at,offered_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_up_s,outcome,missed_offers,has_recording," +
            "longest_dead_air_s,over_talk_s,survey_score,evaluation_score,work_orders\n");
        for (var (page, rows) = (await records.Search(query!), 0); ; page = await records.Search(query! with { After = page.Next }))
        {
            foreach (var c in page.Items.Select(c => View(c, page, full)))
            {
                string[] fields =
                [
                    c.CallId, c.Caller, c.Queue, string.Join(' ', c.Queues), c.SeatId ?? "", c.Agent ?? "", Moment(c.EnteredAt, clock), Moment(c.OfferedAt, clock),
                    Moment(c.AnsweredAt, clock), Moment(c.EndedAt, clock), Csv.Number(c.WaitSeconds), Csv.Number(c.TalkSeconds), Csv.Number(c.HoldSeconds),
                    Csv.Number(c.WrapUpSeconds), c.Outcome.ToString(), c.MissedOffers.ToString(CultureInfo.InvariantCulture), c.HasRecording ? "yes" : "no",
                    Csv.Number(c.LongestDeadAirSeconds), Csv.Number(c.OverTalkSeconds), c.SurveyScore?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Csv.Number(c.EvaluationScore), string.Join(' ', c.WorkOrders),
                ];
                csv.AppendJoin(',', fields.Select(Csv.Field)).Append('\n');
            }

            rows += page.Items.Count;
            if (page.Next is null || rows >= 100_000)
            {
                break;
            }
        }

        return Csv.File(csv, "call-records.csv");
    }

    private static (CallQuery? Query, IResult? Problem) Query(ClaimsPrincipal user, Filters f, string? after, int limit, int maxLimit)
    {
        if (!user.MaySupervise() && !user.IsInRole(Roles.Agent))
        {
            return (null, TypedResults.Problem(statusCode: 403, title: "Call records are searched by supervisors, administrators and agents (their own calls)."));
        }

        if (!user.MaySupervise() && f.Caller is not null)
        {
            return (null, TypedResults.Problem(statusCode: 403, title: "Only supervisors and administrators may search by caller number."));
        }

        CallOutcome parsed = default;
        var check = new Validation()
            .Require("to", f.From is null || f.To is null || f.From < f.To, "'to' must be after 'from'.")
            .Require("outcome", f.Outcome is null || Enum.TryParse(f.Outcome, ignoreCase: true, out parsed), "'outcome' is one of Answered, Abandoned, Callback.")
            .Require("minWaitSeconds", f.MinWaitSeconds is null or (>= 0 and < 1_000_000), "'minWaitSeconds' is a number of seconds, 0 or more.")
            .Require("minTalkSeconds", f.MinTalkSeconds is null or (>= 0 and < 1_000_000), "'minTalkSeconds' is a number of seconds, 0 or more.")
            .Require("minScore", f.MinScore is null or (>= 0 and <= 100), "'minScore' is an evaluation score from 0 to 100.")
            .Require("maxScore", f.MaxScore is null or (>= 0 and <= 100) && (f.MinScore is null || f.MaxScore >= f.MinScore), "'maxScore' is an evaluation score from 0 to 100, not below 'minScore'.")
            .Require("after", CallRecords.Cursor.IsValid(after), "'after' is the 'next' value of the previous page.")
            .Range("limit", limit, 1, maxLimit);
        foreach (var (field, value) in new[] { ("queue", f.Queue), ("seatId", f.SeatId), ("agent", f.Agent) })
        {
            if (value is not null)
            {
                check.Id(field, value);
            }
        }

        check.Require("caller", f.Caller is null || (f.Caller.Length is > 0 and <= 32 && f.Caller.All(ch => char.IsAsciiDigit(ch) || ch == '+')), "'caller' is a phone number (digits, at most 32).");
        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        // An agent's search covers the calls they took, whatever 'agent' says.
        var who = user.MaySupervise() ? f.Agent : user.Identity!.Name;
        return (new CallQuery(f.From, f.To, f.Queue, f.SeatId, who, f.Caller, f.Outcome is null ? null : parsed, f.MinWaitSeconds, f.MinTalkSeconds, f.HasRecording,
            after, limit, f.MinScore, f.MaxScore), null);
    }

    private static CallRecordView View(CallDetail c, CallPage page, bool fullCaller)
    {
        var extras = page.Extras?.GetValueOrDefault(c.CallId);
        return new(
            c.CallId, fullCaller ? c.Caller : Routing.AcdRanking.MaskCaller(c.Caller), c.Queue, c.Queues, c.SeatId, c.Agent, c.EnteredAt,
            c.OfferedAt, c.AnsweredAt, c.EndedAt, c.WaitSeconds, c.TalkSeconds, c.HoldSeconds, c.WrapUpSeconds, c.Outcome, c.MissedOffers, c.HasRecording,
            extras?.LongestDeadAirSeconds, extras?.OverTalkSeconds, extras?.SurveyScore, extras?.EvaluationScore, extras?.WorkOrders ?? []);
    }

    private static string Moment(DateTimeOffset? at, CallCenterClock clock) =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, clock.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

}
