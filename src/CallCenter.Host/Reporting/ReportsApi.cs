using System.Globalization;
using System.Text;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.Monitoring;
using CallCenter.Reporting;

namespace CallCenter.Host;

/// <summary>
/// Historical reports for supervisors: per queue and interval (15/30/60 minutes or day) and per agent (day or month),
/// over a range of the centre's local days, as JSON or CSV.
/// </summary>
public static class ReportsApi
{
    public const int MaxDaysOfIntervals = 31;
    public const int MaxDays = 366;

    public sealed record QueueName(string QueueId, string Name, int ServiceLevelSeconds);

    public sealed record QueueReport(
        DateOnly From, DateOnly To, string Interval, IReadOnlyList<QueueName> Queues, IReadOnlyList<QueueInterval> Rows,
        IReadOnlyList<QueueInterval> Totals, QueueInterval Summary);

    public sealed record AgentReport(DateOnly From, DateOnly To, string By, IReadOnlyList<AgentPeriod> Rows);

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder group)
    {
        group.WithTags("Reports").RequireAuthorization(Policies.Supervision);
        group.MapGet("/queues", Queues);
        group.MapGet("/queues/export", QueuesCsv);
        group.MapGet("/agents", Agents);
        group.MapGet("/agents/export", AgentsCsv);
        return group;
    }

    private static async Task<IResult> Queues(IHistoryReports reports, IGrainFactory grains, CallCenterClock clock, string? from, string? to, string? interval, string? queue) =>
        await QueueFigures(reports, grains, clock, from, to, interval, queue) switch
        {
            ({ } report, _) => TypedResults.Ok(report),
            (_, var problem) => problem!,
        };

    private static async Task<IResult> QueuesCsv(IHistoryReports reports, IGrainFactory grains, CallCenterClock clock, string? from, string? to, string? interval, string? queue)
    {
        var (report, problem) = await QueueFigures(reports, grains, clock, from, to, interval, queue);
        if (report is null)
        {
            return problem!;
        }

        var csv = new StringBuilder("queue,interval_start,offered,answered,abandoned,abandoned_within_5s,callbacks,overflowed,answered_in_target,service_level_pct,abandon_rate_pct,asa_s,aht_s,longest_wait_s\n");
        foreach (var row in report.Rows.Concat(report.Totals))
        {
            string[] fields =
            [
                row.Queue.Length == 0 ? "*" : row.Queue, Local(row.Start, clock), Count(row.Offered), Count(row.Answered), Count(row.Abandoned),
                Count(row.AbandonedWithin5Seconds), Count(row.Callbacks), Count(row.Overflowed), Count(row.AnsweredInTarget), Csv.Number(row.ServiceLevel),
                Csv.Number(row.AbandonRate), Csv.Number(row.AverageSpeedOfAnswer), Csv.Number(row.AverageHandleTime), Csv.Number(row.LongestWaitSeconds),
            ];
            csv.AppendJoin(',', fields.Select(Csv.Field)).Append('\n');
        }

        return Csv.File(csv, $"queues-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}-{report.Interval}.csv");
    }

    private static async Task<IResult> Agents(IHistoryReports reports, CallCenterClock clock, string? from, string? to, string? by, string? agent) =>
        await AgentFigures(reports, clock, from, to, by, agent) switch
        {
            ({ } report, _) => TypedResults.Ok(report),
            (_, var problem) => problem!,
        };

    private static async Task<IResult> AgentsCsv(IHistoryReports reports, CallCenterClock clock, string? from, string? to, string? by, string? agent)
    {
        var (report, problem) = await AgentFigures(reports, clock, from, to, by, agent);
        if (report is null)
        {
            return problem!;
        }

        var reasons = report.Rows.SelectMany(r => r.NotReadyByReason.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder("agent,period,logged_in_s,ready_s,reserved_s,talk_s,wrap_up_s,not_ready_s,")
            .AppendJoin(',', reasons.Select(r => Csv.Field($"not_ready_{r}_s")))
            .Append(reasons.Count > 0 ? "," : "")
            .Append("occupancy_pct,calls,hold_s,aht_s,missed_offers,quality_average\n");
        foreach (var row in report.Rows)
        {
            IEnumerable<string> fields =
            [
                row.Agent, row.Period, Csv.Number(row.LoggedInSeconds), Csv.Number(row.ReadySeconds), Csv.Number(row.ReservedSeconds), Csv.Number(row.TalkSeconds),
                Csv.Number(row.WrapUpSeconds), Csv.Number(row.NotReadySeconds),
                .. reasons.Select(r => Csv.Number(row.NotReadyByReason.GetValueOrDefault(r))),
                Csv.Number(row.Occupancy), Count(row.Calls), Csv.Number(row.HoldSeconds), Csv.Number(row.AverageHandleTime), Count(row.MissedOffers),
                Csv.Number(row.QualityAverage),
            ];
            csv.AppendJoin(',', fields.Select(Csv.Field)).Append('\n');
        }

        return Csv.File(csv, $"agents-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}-{report.By}.csv");
    }

    private static async Task<(QueueReport? Report, IResult? Problem)> QueueFigures(
        IHistoryReports reports, IGrainFactory grains, CallCenterClock clock, string? from, string? to, string? interval, string? queue)
    {
        var minutes = interval switch
        {
            null or "60" => 60,
            "15" => 15,
            "30" => 30,
            "day" => 1440,
            _ => 0,
        };
        var (first, last, check) = Days(clock, from, to, minutes == 1440 ? MaxDays : MaxDaysOfIntervals, minutes == 1440 ? "day" : "15-, 30- or 60-minute");
        check.Require("interval", minutes > 0, "'interval' is 15, 30, 60 or day.");
        if (queue is not null)
        {
            check.Id("queue", queue);
        }

        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        var board = await grains.GetGrain<IMonitorBoard>(0).Snapshot();
        var names = board.Queues.Select(q => new QueueName(q.QueueId, q.Name, q.ServiceLevelSeconds)).OrderBy(q => q.QueueId, StringComparer.Ordinal).ToList();
        var rows = await reports.Queues(new QueueReportQuery(
            clock.At(first, TimeOnly.MinValue), clock.At(last.AddDays(1), TimeOnly.MinValue), minutes, clock.Zone,
            names.ToDictionary(q => q.QueueId, q => (double)q.ServiceLevelSeconds), Queue: queue));

        // Across queues each call counts once: an overflowed call is offered in every queue it passed through.
        var once = queue is null ? rows.Select(r => r with { Offered = r.Offered - r.Overflowed }).ToList() : rows;
        var totals = once.GroupBy(r => r.Start).Select(g => QueueInterval.Sum("", g.Key, g)).OrderBy(r => r.Start).ToList();
        var summary = QueueInterval.Sum("", clock.At(first, TimeOnly.MinValue), once);
        return (new QueueReport(first, last, minutes == 1440 ? "day" : minutes.ToString(CultureInfo.InvariantCulture), names, rows, totals, summary), null);
    }

    private static async Task<(AgentReport? Report, IResult? Problem)> AgentFigures(IHistoryReports reports, CallCenterClock clock, string? from, string? to, string? by, string? agent)
    {
        var (first, last, check) = Days(clock, from, to, MaxDays, "agent");
        check.Require("by", by is null or "day" or "month", "'by' is day or month.");
        if (agent is not null)
        {
            check.Id("agent", agent);
        }

        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        var rows = await reports.Agents(new AgentReportQuery(first, last, by == "month", agent));
        return (new AgentReport(first, last, by ?? "day", rows), null);
    }

    /// <summary>A range of local days, both ends included (each defaults to today).</summary>
    private static (DateOnly From, DateOnly To, Validation Check) Days(CallCenterClock clock, string? from, string? to, int maxDays, string what)
    {
        var check = new Validation();
        DateOnly Day(string field, string? text)
        {
            if (text is null)
            {
                return clock.Today;
            }

            check.Require(field, DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2199,
                $"'{field}' is a day written yyyy-MM-dd, e.g. 2026-11-28.");
            return day;
        }

        var (first, last) = (Day("from", from), Day("to", to ?? from));
        if (check.IsValid)
        {
            check.Require("to", last >= first, "'to' is the same day as 'from' or later.");
            check.Require("to", last.DayNumber - first.DayNumber < maxDays, $"A {what} report covers at most {maxDays} days.");
        }

        return (first, last, check);
    }

    private static string Local(DateTimeOffset at, CallCenterClock clock) =>
        TimeZoneInfo.ConvertTime(at, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

}
