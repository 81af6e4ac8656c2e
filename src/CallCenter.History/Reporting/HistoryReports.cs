using CallCenter.History.Calls;
using CallCenter.History.Seats;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Reporting;

/// <summary>
/// Interval and agent reports. The database does the counting: queue figures grouped by queue and UTC quarter hour
/// (a quarter hour is whole in every zone's wall-clock time), then folded here into the zone's 15/30/60-minute or day
/// intervals; agent figures grouped by agent and local day (spans and calls carry the day they belong to).
/// </summary>
public sealed class HistoryReports(IDbContextFactory<HistoryDb> store) : IHistoryReports
{
    private const long Quarter = TimeSpan.TicksPerMinute * 15;
    private const string Answered = nameof(CallCenter.Calls.CallOutcome.Answered);
    private const string Abandoned = nameof(CallCenter.Calls.CallOutcome.Abandoned);
    private const string Callback = nameof(CallCenter.Calls.CallOutcome.Callback);

    public async Task<IReadOnlyList<QueueInterval>> Queues(QueueReportQuery query)
    {
        await using var db = await store.CreateDbContextAsync();
        var (from, to) = (query.From.UtcTicks, query.To.UtcTicks);
        var entered = db.CallRecords.AsNoTracking().Where(c => c.EnteredUtcTicks >= from && c.EnteredUtcTicks < to);
        if (query.Queue is { } only)
        {
            entered = entered.Where(c => c.Queue == only || c.Queues.Contains(only));
        }

        var quarters = (await Quarters(db, query)).ToList();

        // A call that overflowed was offered in each queue it left: few enough to read one by one.
        var overflowed = await entered.Where(c => c.Queues != c.Queue)
            .Select(c => new { c.Queues, c.Queue, c.EnteredUtcTicks, c.WaitSeconds })
            .ToListAsync();
        foreach (var call in overflowed)
        {
            foreach (var left in call.Queues.Split(',').Where(q => q != call.Queue).Distinct())
            {
                quarters.Add(new QueueInterval(left, Start(call.EnteredUtcTicks / Quarter), 1, 0, 0, 0, 0, 1, 0, 0, 0, call.WaitSeconds));
            }
        }

        if (query.Queue is { } queue)
        {
            quarters.RemoveAll(q => q.Queue != queue);
        }

        return quarters
            .GroupBy(q => (q.Queue, Start: IntervalStart(q.Start, query.IntervalMinutes, query.Zone)))
            .Select(g => QueueInterval.Sum(g.Key.Queue, g.Key.Start, g))
            .OrderBy(q => q.Start).ThenBy(q => q.Queue, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<AgentPeriod>> Agents(AgentReportQuery query)
    {
        var (first, last) = (SpanRow.DayKey(query.From), SpanRow.DayKey(query.To));
        await using var db = await store.CreateDbContextAsync();
        var spans = db.AgentDays.AsNoTracking().Where(s => string.Compare(s.Day, first) >= 0 && string.Compare(s.Day, last) <= 0);
        var calls = db.CallRecords.AsNoTracking()
            .Where(c => string.Compare(c.Day, first) >= 0 && string.Compare(c.Day, last) <= 0 && c.Agent != null && c.Outcome == Answered);
        if (query.Agent is { } agent)
        {
            spans = spans.Where(s => s.Agent == agent);
            calls = calls.Where(c => c.Agent == agent);
        }

        var time = await spans
            .GroupBy(s => new { s.Agent, s.Day, s.State, s.Reason })
            .Select(g => new { g.Key.Agent, g.Key.Day, g.Key.State, g.Key.Reason, Ticks = g.Sum(s => s.Ticks), Missed = g.Sum(s => s.Missed) })
            .ToListAsync();
        var handled = await calls
            .GroupBy(c => new { c.Agent, c.Day })
            .Select(g => new { Agent = g.Key.Agent!, g.Key.Day, Calls = g.Count(), Hold = g.Sum(c => c.HoldSeconds), Handle = g.Sum(c => c.TalkSeconds + c.HoldSeconds + c.WrapUpSeconds) })
            .ToListAsync();

        string Period(string day) => query.ByMonth ? day[..7] : day;
        var timeOf = time.ToLookup(t => (t.Agent, Period: Period(t.Day)));
        var callsOf = handled.ToLookup(h => (h.Agent, Period: Period(h.Day)));
        // The month's evaluations of each agent, for month rows (an evaluation belongs to the month it was submitted in).
        var months = Enumerable.Range(0, (query.To.Year - query.From.Year) * 12 + query.To.Month - query.From.Month + 1)
            .Select(i => query.From.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        var quality = query.ByMonth
            ? (await db.EvaluationScores.AsNoTracking().Where(e => months.Contains(e.Month) && (query.Agent == null || e.Agent == query.Agent))
                .GroupBy(e => new { e.Agent, e.Month }).Select(g => new { g.Key.Agent, g.Key.Month, Average = g.Average(e => e.Total) }).ToListAsync())
                .ToDictionary(q => (q.Agent, q.Month), q => Math.Round(q.Average, 1))
            : [];
        return timeOf.Select(t => t.Key).Union(callsOf.Select(c => c.Key)).Select(key =>
            {
                var mine = timeOf[key].ToList();
                var answered = callsOf[key].ToList();
                double Seconds(string state) => Math.Round(mine.Where(t => t.State == state).Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1);
                var reasons = mine.Where(t => t.State == "NotReady")
                    .GroupBy(t => t.Reason)
                    .ToDictionary(g => g.Key, g => Math.Round(g.Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1));
                return new AgentPeriod(
                    key.Agent, key.Period,
                    Math.Round(mine.Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1),
                    Seconds("Ready"), Seconds("Reserved"), Seconds("OnCall"), Seconds("WrapUp"), Seconds("NotReady"), reasons,
                    mine.Sum(t => t.Missed), answered.Sum(h => h.Calls), Math.Round(answered.Sum(h => h.Hold), 1), Math.Round(answered.Sum(h => h.Handle), 1),
                    quality.TryGetValue(key, out var average) ? average : null);
            })
            .OrderBy(a => a.Period, StringComparer.Ordinal).ThenBy(a => a.Agent, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// One pass over the calls that entered in the range, grouped by final queue and UTC quarter hour; each queue's
    /// service-level target is a parameter of one CASE, so a month of a million calls is read once. The statement is
    /// the same on SQLite and PostgreSQL (integer division of ticks, CASE, quoted aliases).
    /// </summary>
    private static async Task<IReadOnlyList<QueueInterval>> Quarters(HistoryDb db, QueueReportQuery query)
    {
        var args = new List<object?> { query.From.UtcTicks, query.To.UtcTicks, query.DefaultTargetSeconds };
        var target = new StringBuilder("CASE queue");
        foreach (var (queue, seconds) in query.TargetSeconds)
        {
            target.Append(CultureInfo.InvariantCulture, $" WHEN {{{args.Count}}} THEN {{{args.Count + 1}}}");
            args.Add(queue);
            args.Add(seconds);
        }

        target.Append(" ELSE {2} END");
        var only = "";
        if (query.Queue is { } queue1)
        {
            only = $" AND (queue = {{{args.Count}}} OR queues LIKE {{{args.Count + 1}}})";
            args.Add(queue1);
            args.Add("%" + queue1 + "%");
        }

        var sql = $$"""
            SELECT queue AS "Queue", entered_utc_ticks / {{Quarter}} AS "Quarter", count(*) AS "Offered",
                sum(CASE WHEN outcome = '{{Answered}}' THEN 1 ELSE 0 END) AS "Answered",
                sum(CASE WHEN outcome = '{{Abandoned}}' THEN 1 ELSE 0 END) AS "Abandoned",
                sum(CASE WHEN outcome = '{{Abandoned}}' AND wait_seconds < 5 THEN 1 ELSE 0 END) AS "Short",
                sum(CASE WHEN outcome = '{{Callback}}' THEN 1 ELSE 0 END) AS "Callbacks",
                sum(CASE WHEN outcome = '{{Answered}}' AND wait_seconds <= {{target}} THEN 1 ELSE 0 END) AS "InTarget",
                sum(CASE WHEN outcome = '{{Answered}}' THEN wait_seconds ELSE 0 END) AS "Wait",
                sum(CASE WHEN outcome = '{{Answered}}' THEN talk_seconds + hold_seconds + wrap_up_seconds ELSE 0 END) AS "Handle",
                max(wait_seconds) AS "Longest"
            FROM call_records
            WHERE entered_utc_ticks >= {0} AND entered_utc_ticks < {1}{{only}}
            GROUP BY queue, entered_utc_ticks / {{Quarter}}
            """;
        var rows = await db.Database.SqlQuery<QuarterRow>(FormattableStringFactory.Create(sql, [.. args])).ToListAsync();
        return rows.Select(r => new QueueInterval(
                r.Queue, Start(r.Quarter), (int)r.Offered, (int)r.Answered, (int)r.Abandoned, (int)r.Short, (int)r.Callbacks, 0, (int)r.InTarget, r.Wait, r.Handle, r.Longest))
            .ToList();
    }

    private sealed record QuarterRow(string Queue, long Quarter, long Offered, long Answered, long Abandoned, long Short, long Callbacks, long InTarget, double Wait, double Handle, double Longest);

    private static DateTimeOffset Start(long quarter) => new(quarter * Quarter, TimeSpan.Zero);

    /// <summary>The start of the zone's wall-clock interval (or day) holding this quarter hour, as an instant with the zone's offset.</summary>
    public static DateTimeOffset IntervalStart(DateTimeOffset quarter, int minutes, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(quarter, zone);
        var wall = minutes >= 1440
            ? local.Date
            : local.Date.AddMinutes(Math.Floor(local.TimeOfDay.TotalMinutes / minutes) * minutes);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
