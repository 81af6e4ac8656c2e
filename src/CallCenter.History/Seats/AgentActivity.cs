using CallCenter.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.History.Seats;

/// <summary>
/// Seat state spans on the query store, written in batches keyed by (seat, start). With each batch the day totals of
/// the seats and days it touched (<c>agent_days</c>) change by what the batch changed, in the same transaction: a new
/// span adds itself, a span written again first takes back what it added before. Reports read those totals, a span
/// written twice cannot count twice, and a batch costs the same at the end of a busy day as at its start.
/// </summary>
public sealed class AgentActivity : IAgentActivity, IAsyncDisposable
{
    private readonly IDbContextFactory<HistoryDb> store;
    private readonly BatchWriter<IReadOnlyList<SeatSpan>> writer;

    public AgentActivity(IDbContextFactory<HistoryDb> store, ILogger<AgentActivity> logger)
    {
        this.store = store;
        writer = new BatchWriter<IReadOnlyList<SeatSpan>>(Commit, logger, "activity spans", limit: 1_000, gather: TimeSpan.FromMilliseconds(250));
    }

    /// <summary>
    /// A seat's spans wait for their commit as one item: a gathering's commit answers everyone in it at once, and one
    /// answer a seat instead of one a span makes that burst of work a third of the size.
    /// </summary>
    public Task Write(IReadOnlyList<SeatSpan> spans) => spans.Count == 0 ? Task.CompletedTask : writer.Write(spans);

    public async Task<IReadOnlyList<SeatSpan>> Of(string seatId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = await db.AgentActivity.AsNoTracking()
            .Where(s => s.SeatId == seatId && s.FromUtcTicks < to.UtcTicks && s.ToUtcTicks > from.UtcTicks)
            .OrderBy(s => s.FromUtcTicks)
            .ToListAsync();
        return rows.Select(r => r.ToSpan()).ToList();
    }

    private async Task Commit(IReadOnlyList<IReadOnlyList<SeatSpan>> batch)
    {
        var latest = batch.SelectMany(spans => spans).GroupBy(s => (s.SeatId, s.From.UtcTicks)).Select(g => g.Last()).ToList();
        var seats = latest.Select(s => s.SeatId).Distinct().ToList();
        var first = latest.Min(s => s.From.UtcTicks);
        var last = latest.Max(s => s.From.UtcTicks);
        await using var db = await store.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var stored = await db.AgentActivity.AsNoTracking()
            .Where(s => seats.Contains(s.SeatId) && s.FromUtcTicks >= first && s.FromUtcTicks <= last)
            .ToDictionaryAsync(s => (s.SeatId, s.FromUtcTicks));
        var changes = new Dictionary<(string Seat, string Day, string Agent, string State, string Reason), (long Ticks, int Spans, int Missed)>();
        void Count(SpanRow row, int sign)
        {
            var key = (row.SeatId, row.Day, row.Agent, row.State, row.Reason ?? "");
            var (ticks, spans, missed) = changes.GetValueOrDefault(key);
            changes[key] = (ticks + sign * (row.ToUtcTicks - row.FromUtcTicks), spans + sign, missed + (row.Missed ? sign : 0));
        }

        var written = new List<SpanRow>(latest.Count);
        foreach (var span in latest)
        {
            if (stored.TryGetValue((span.SeatId, span.From.UtcTicks), out var before))
            {
                Count(before, -1);
            }

            var row = new SpanRow { SeatId = span.SeatId, FromUtcTicks = span.From.UtcTicks, Agent = "", State = "", Day = "" };
            row.Fill(span);
            Count(row, +1);
            written.Add(row);
        }

        await RowUpsert<SpanRow>.For(db).Write(db, written);
        var totals = changes.Where(c => c.Value != default).Select(c => new AgentDayRow
        {
            SeatId = c.Key.Seat, Day = c.Key.Day, Agent = c.Key.Agent, State = c.Key.State, Reason = c.Key.Reason,
            Ticks = c.Value.Ticks, Spans = c.Value.Spans, Missed = c.Value.Missed,
        }).ToList();
        await RowUpsert<AgentDayRow>.For(db, OnConflict.Add).Write(db, totals);
        if (changes.Any(c => c.Value.Spans < 0))
        {
            // A span written again under another state or agent left its old total; an emptied total goes.
            var touched = changes.Keys.Select(k => k.Seat).Distinct().ToList();
            await db.AgentDays.Where(d => d.Spans <= 0 && touched.Contains(d.SeatId)).ExecuteDeleteAsync();
        }
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();
}
