using CallCenter.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.History.Seats;

/// <summary>
/// Seat state spans on the query store, written in batches keyed by (seat, start). With each batch the day totals of
/// the seats and days it touched (<c>agent_days</c>) are computed again from their spans, in the same transaction:
/// reports read those totals, and a span written twice cannot count twice.
/// </summary>
public sealed class AgentActivity : IAgentActivity, IAsyncDisposable
{
    private readonly IDbContextFactory<HistoryDb> store;
    private readonly BatchWriter<SeatSpan> writer;

    public AgentActivity(IDbContextFactory<HistoryDb> store, ILogger<AgentActivity> logger)
    {
        this.store = store;
        writer = new BatchWriter<SeatSpan>(Commit, logger, "activity spans", limit: 2_000);
    }

    public Task Write(IReadOnlyList<SeatSpan> spans) => Task.WhenAll(spans.Select(writer.Write));

    public async Task<IReadOnlyList<SeatSpan>> Of(string seatId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = await db.AgentActivity.AsNoTracking()
            .Where(s => s.SeatId == seatId && s.FromUtcTicks < to.UtcTicks && s.ToUtcTicks > from.UtcTicks)
            .OrderBy(s => s.FromUtcTicks)
            .ToListAsync();
        return rows.Select(r => r.ToSpan()).ToList();
    }

    private async Task Commit(IReadOnlyList<SeatSpan> batch)
    {
        var latest = batch.GroupBy(s => (s.SeatId, s.From.UtcTicks)).Select(g => g.Last()).ToList();
        var seats = latest.Select(s => s.SeatId).Distinct().ToList();
        var first = latest.Min(s => s.From.UtcTicks);
        var last = latest.Max(s => s.From.UtcTicks);
        await using var db = await store.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var stored = await db.AgentActivity
            .Where(s => seats.Contains(s.SeatId) && s.FromUtcTicks >= first && s.FromUtcTicks <= last)
            .ToDictionaryAsync(s => (s.SeatId, s.FromUtcTicks));
        foreach (var span in latest)
        {
            if (!stored.TryGetValue((span.SeatId, span.From.UtcTicks), out var row))
            {
                row = new SpanRow { SeatId = span.SeatId, FromUtcTicks = span.From.UtcTicks, Agent = "", State = "", Day = "" };
                db.AgentActivity.Add(row);
            }

            row.Fill(span);
        }

        await db.SaveChangesAsync();
        foreach (var (seat, day) in latest.Select(s => (s.SeatId, SpanRow.DayKey(s.Day))).Distinct())
        {
            await db.AgentDays.Where(d => d.SeatId == seat && d.Day == day).ExecuteDeleteAsync();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO agent_days (seat_id, day, agent, state, reason, ticks, spans, missed)
                SELECT seat_id, day, agent, state, COALESCE(reason, ''), sum(to_utc_ticks - from_utc_ticks), count(*), sum(CASE WHEN missed THEN 1 ELSE 0 END)
                FROM agent_activity WHERE seat_id = {seat} AND day = {day}
                GROUP BY seat_id, day, agent, state, COALESCE(reason, '')
                """);
        }

        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
