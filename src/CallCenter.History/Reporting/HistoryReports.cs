using CallCenter.History.Calls;
using CallCenter.History.Seats;
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

        var quarters = new List<QueueInterval>();
        var known = query.TargetSeconds.Keys.ToList();
        foreach (var group in query.TargetSeconds.GroupBy(t => t.Value))
        {
            var queues = group.Select(t => t.Key).ToList();
            quarters.AddRange(await Quarters(entered.Where(c => queues.Contains(c.Queue)), group.Key));
        }

        quarters.AddRange(await Quarters(entered.Where(c => !known.Contains(c.Queue)), query.DefaultTargetSeconds));

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
        var spans = db.AgentActivity.AsNoTracking().Where(s => string.Compare(s.Day, first) >= 0 && string.Compare(s.Day, last) <= 0);
        var calls = db.CallRecords.AsNoTracking()
            .Where(c => string.Compare(c.Day, first) >= 0 && string.Compare(c.Day, last) <= 0 && c.Agent != null && c.Outcome == Answered);
        if (query.Agent is { } agent)
        {
            spans = spans.Where(s => s.Agent == agent);
            calls = calls.Where(c => c.Agent == agent);
        }

        var time = await spans
            .GroupBy(s => new { s.Agent, s.Day, s.State, s.Reason })
            .Select(g => new { g.Key.Agent, g.Key.Day, g.Key.State, g.Key.Reason, Ticks = g.Sum(s => s.ToUtcTicks - s.FromUtcTicks), Missed = g.Count(s => s.Missed) })
            .ToListAsync();
        var handled = await calls
            .GroupBy(c => new { c.Agent, c.Day })
            .Select(g => new { Agent = g.Key.Agent!, g.Key.Day, Calls = g.Count(), Hold = g.Sum(c => c.HoldSeconds), Handle = g.Sum(c => c.TalkSeconds + c.HoldSeconds + c.WrapUpSeconds) })
            .ToListAsync();

        string Period(string day) => query.ByMonth ? day[..7] : day;
        var timeOf = time.ToLookup(t => (t.Agent, Period: Period(t.Day)));
        var callsOf = handled.ToLookup(h => (h.Agent, Period: Period(h.Day)));
        return timeOf.Select(t => t.Key).Union(callsOf.Select(c => c.Key)).Select(key =>
            {
                var mine = timeOf[key].ToList();
                var answered = callsOf[key].ToList();
                double Seconds(string state) => Math.Round(mine.Where(t => t.State == state).Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1);
                var reasons = mine.Where(t => t.State == "NotReady")
                    .GroupBy(t => t.Reason ?? "")
                    .ToDictionary(g => g.Key, g => Math.Round(g.Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1));
                return new AgentPeriod(
                    key.Agent, key.Period,
                    Math.Round(mine.Sum(t => t.Ticks) / (double)TimeSpan.TicksPerSecond, 1),
                    Seconds("Ready"), Seconds("Reserved"), Seconds("OnCall"), Seconds("WrapUp"), Seconds("NotReady"), reasons,
                    mine.Sum(t => t.Missed), answered.Sum(h => h.Calls), Math.Round(answered.Sum(h => h.Hold), 1), Math.Round(answered.Sum(h => h.Handle), 1));
            })
            .OrderBy(a => a.Period, StringComparer.Ordinal).ThenBy(a => a.Agent, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<QueueInterval>> Quarters(IQueryable<CallRow> calls, double target)
    {
        var rows = await calls
            .GroupBy(c => new { c.Queue, Quarter = c.EnteredUtcTicks / Quarter })
            .Select(g => new
            {
                g.Key.Queue,
                g.Key.Quarter,
                Offered = g.Count(),
                Answered = g.Count(c => c.Outcome == Answered),
                Abandoned = g.Count(c => c.Outcome == Abandoned),
                Short = g.Count(c => c.Outcome == Abandoned && c.WaitSeconds < 5),
                Callbacks = g.Count(c => c.Outcome == Callback),
                InTarget = g.Count(c => c.Outcome == Answered && c.WaitSeconds <= target),
                Wait = g.Sum(c => c.Outcome == Answered ? c.WaitSeconds : 0),
                Handle = g.Sum(c => c.Outcome == Answered ? c.TalkSeconds + c.HoldSeconds + c.WrapUpSeconds : 0),
                Longest = g.Max(c => c.WaitSeconds),
            })
            .ToListAsync();
        return rows.Select(r => new QueueInterval(
                r.Queue, Start(r.Quarter), r.Offered, r.Answered, r.Abandoned, r.Short, r.Callbacks, 0, r.InTarget, r.Wait, r.Handle, r.Longest))
            .ToList();
    }

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
