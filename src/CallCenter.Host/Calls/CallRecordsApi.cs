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
        double WaitSeconds, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, CallOutcome Outcome, int MissedOffers, bool HasRecording);

    public sealed record CallRecordPage(IReadOnlyList<CallRecordView> Items, string? Next);

    public static RouteGroupBuilder MapCallRecordsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Call records").RequireAuthorization(Policies.CallReading);
        group.MapGet("/", Search);
        group.MapGet("/export", Export);
        return group;
    }

    private static async Task<IResult> Search(
        ClaimsPrincipal user, ICallRecords records, DateTimeOffset? from, DateTimeOffset? to, string? queue, string? seatId, string? agent,
        string? caller, string? outcome, double? minWaitSeconds, double? minTalkSeconds, bool? hasRecording, string? after, int? limit)
    {
        var (query, problem) = Query(user, from, to, queue, seatId, agent, caller, outcome, minWaitSeconds, minTalkSeconds, hasRecording, after, limit ?? 50, CallRecords.MaxPage);
        if (problem is not null)
        {
            return problem;
        }

        var page = await records.Search(query!);
        var full = user.MaySupervise();
        return TypedResults.Ok(new CallRecordPage(page.Items.Select(c => View(c, full)).ToList(), page.Next));
    }

    /// <summary>The same search as CSV (UTF-8 with BOM; moments in the call centre's time zone), up to 100,000 rows, newest first.</summary>
    private static async Task<IResult> Export(
        ClaimsPrincipal user, ICallRecords records, CallCenterClock clock, DateTimeOffset? from, DateTimeOffset? to, string? queue, string? seatId, string? agent,
        string? caller, string? outcome, double? minWaitSeconds, double? minTalkSeconds, bool? hasRecording)
    {
        var (query, problem) = Query(user, from, to, queue, seatId, agent, caller, outcome, minWaitSeconds, minTalkSeconds, hasRecording, null, CallRecords.MaxPage, CallRecords.MaxPage);
        if (problem is not null)
        {
            return problem;
        }

        var full = user.MaySupervise();
        var csv = new StringBuilder("call_id,caller,queue,queues,seat_id,agent,entered_at,offered_at,answered_at,ended_at,wait_s,talk_s,hold_s,wrap_up_s,outcome,missed_offers,has_recording\n");
        for (var (page, rows) = (await records.Search(query!), 0); ; page = await records.Search(query! with { After = page.Next }))
        {
            foreach (var c in page.Items.Select(c => View(c, full)))
            {
                string[] fields =
                [
                    c.CallId, c.Caller, c.Queue, string.Join(' ', c.Queues), c.SeatId ?? "", c.Agent ?? "", Moment(c.EnteredAt, clock), Moment(c.OfferedAt, clock),
                    Moment(c.AnsweredAt, clock), Moment(c.EndedAt, clock), Number(c.WaitSeconds), Number(c.TalkSeconds), Number(c.HoldSeconds),
                    Number(c.WrapUpSeconds), c.Outcome.ToString(), c.MissedOffers.ToString(CultureInfo.InvariantCulture), c.HasRecording ? "yes" : "no",
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

    private static (CallQuery? Query, IResult? Problem) Query(
        ClaimsPrincipal user, DateTimeOffset? from, DateTimeOffset? to, string? queue, string? seatId, string? agent, string? caller,
        string? outcome, double? minWait, double? minTalk, bool? hasRecording, string? after, int limit, int maxLimit)
    {
        if (!user.MaySupervise() && !user.IsInRole(Roles.Agent))
        {
            return (null, TypedResults.Problem(statusCode: 403, title: "Call records are searched by supervisors, administrators and agents (their own calls)."));
        }

        if (!user.MaySupervise() && caller is not null)
        {
            return (null, TypedResults.Problem(statusCode: 403, title: "Only supervisors and administrators may search by caller number."));
        }

        CallOutcome parsed = default;
        var check = new Validation()
            .Require("to", from is null || to is null || from < to, "'to' must be after 'from'.")
            .Require("outcome", outcome is null || Enum.TryParse(outcome, ignoreCase: true, out parsed), "'outcome' is one of Answered, Abandoned, Callback.")
            .Require("minWaitSeconds", minWait is null or (>= 0 and < 1_000_000), "'minWaitSeconds' is a number of seconds, 0 or more.")
            .Require("minTalkSeconds", minTalk is null or (>= 0 and < 1_000_000), "'minTalkSeconds' is a number of seconds, 0 or more.")
            .Require("after", CallRecords.Cursor.IsValid(after), "'after' is the 'next' value of the previous page.")
            .Range("limit", limit, 1, maxLimit);
        foreach (var (field, value) in new[] { ("queue", queue), ("seatId", seatId), ("agent", agent) })
        {
            if (value is not null)
            {
                check.Id(field, value);
            }
        }

        check.Require("caller", caller is null || (caller.Length is > 0 and <= 32 && caller.All(ch => char.IsAsciiDigit(ch) || ch == '+')), "'caller' is a phone number (digits, at most 32).");
        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        // An agent's search covers the calls they took, whatever 'agent' says.
        var who = user.MaySupervise() ? agent : user.Identity!.Name;
        return (new CallQuery(from, to, queue, seatId, who, caller, outcome is null ? null : parsed, minWait, minTalk, hasRecording, after, limit), null);
    }

    private static CallRecordView View(CallDetail c, bool fullCaller) => new(
        c.CallId, fullCaller ? c.Caller : Routing.AcdRanking.MaskCaller(c.Caller), c.Queue, c.Queues, c.SeatId, c.Agent, c.EnteredAt,
        c.OfferedAt, c.AnsweredAt, c.EndedAt, c.WaitSeconds, c.TalkSeconds, c.HoldSeconds, c.WrapUpSeconds, c.Outcome, c.MissedOffers, c.HasRecording);

    private static string Moment(DateTimeOffset? at, CallCenterClock clock) =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, clock.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
