using System.Globalization;
using CallCenter.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.History.Calls;

/// <summary>
/// Call detail records on the query store: written in batches (a call written again replaces its row, so a retry or
/// a replay leaves one row), searched newest first with keyset paging on (end, call id).
/// </summary>
public sealed class CallRecords : ICallRecords, IAsyncDisposable
{
    public const int MaxPage = 500;

    private readonly IDbContextFactory<HistoryDb> store;
    private readonly BatchWriter<CallDetail> writer;

    public CallRecords(IDbContextFactory<HistoryDb> store, ILogger<CallRecords> logger)
    {
        this.store = store;
        writer = new BatchWriter<CallDetail>(Commit, logger, "call records");
    }

    public Task Write(CallDetail call) => writer.Write(call);

    public async Task<CallPage> Search(CallQuery query)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = db.CallRecords.AsNoTracking();
        if (query.From is { } from)
        {
            rows = rows.Where(c => c.EndedUtcTicks >= from.UtcTicks);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(c => c.EndedUtcTicks < to.UtcTicks);
        }

        if (query.Queue is { } queue)
        {
            var passed = "," + queue + ",";
            rows = rows.Where(c => c.Queue == queue || ("," + c.Queues + ",").Contains(passed));
        }

        if (query.SeatId is { } seat)
        {
            rows = rows.Where(c => c.SeatId == seat);
        }

        if (query.Agent is { } agent)
        {
            rows = rows.Where(c => c.Agent == agent);
        }

        if (query.Caller is { } caller)
        {
            rows = rows.Where(c => c.Caller == caller);
        }

        if (query.Outcome is { } outcome)
        {
            var text = outcome.ToString();
            rows = rows.Where(c => c.Outcome == text);
        }

        if (query.MinWaitSeconds is { } wait)
        {
            rows = rows.Where(c => c.WaitSeconds >= wait);
        }

        if (query.MinTalkSeconds is { } talk)
        {
            rows = rows.Where(c => c.TalkSeconds >= talk);
        }

        if (query.HasRecording is { } recorded)
        {
            rows = rows.Where(c => c.HasRecording == recorded);
        }

        if (query.MinScore is not null || query.MaxScore is not null)
        {
            var (min, max) = (query.MinScore ?? double.MinValue, query.MaxScore ?? double.MaxValue);
            rows = rows.Where(c => db.EvaluationScores.Any(e => e.CallId == c.CallId && e.Total >= min && e.Total <= max));
        }

        if (Cursor.Parse(query.After) is var (ticks, id) && id is not null)
        {
            rows = rows.Where(c => c.EndedUtcTicks < ticks || (c.EndedUtcTicks == ticks && string.Compare(c.CallId, id) < 0));
        }

        var limit = Math.Clamp(query.Limit, 1, MaxPage);
        var page = await rows.OrderByDescending(c => c.EndedUtcTicks).ThenByDescending(c => c.CallId).Take(limit + 1).ToListAsync();
        var items = page.Take(limit).Select(r => r.ToDetail()).ToList();
        return new CallPage(items, page.Count > limit ? Cursor.Of(page[limit - 1]) : null, await Extras(db, items.Select(c => c.CallId).ToList()));
    }

    /// <summary>The page's analytics, survey scores, evaluation averages and work orders: three look-ups by call id.</summary>
    private static async Task<IReadOnlyDictionary<string, CallExtras>> Extras(HistoryDb db, IReadOnlyList<string> ids)
    {
        var recordings = await db.RecordedCalls.AsNoTracking().Where(r => ids.Contains(r.CallId)).ToDictionaryAsync(r => r.CallId);
        var scores = (await db.EvaluationScores.AsNoTracking().Where(e => e.CallId != null && ids.Contains(e.CallId))
            .Select(e => new { e.CallId, e.Total }).ToListAsync())
            .GroupBy(e => e.CallId!).ToDictionary(g => g.Key, g => Math.Round(g.Average(e => e.Total), 1));
        var orders = (await db.WorkOrders.AsNoTracking().Where(o => o.CallId != null && ids.Contains(o.CallId))
            .Select(o => new { o.CallId, o.OrderId }).ToListAsync())
            .GroupBy(o => o.CallId!).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(o => o.OrderId).Order(StringComparer.Ordinal).ToList());
        return ids.Where(id => recordings.ContainsKey(id) || scores.ContainsKey(id) || orders.ContainsKey(id)).ToDictionary(id => id, id =>
        {
            var recording = recordings.GetValueOrDefault(id);
            return new CallExtras(recording?.LongestDeadAirSeconds, recording?.OverTalkSeconds, recording?.SurveyScore,
                scores.TryGetValue(id, out var score) ? score : null, orders.GetValueOrDefault(id) ?? []);
        });
    }

    /// <summary>
    /// One upsert per chunk of calls, in one transaction: a call written again replaces its row. No read of the rows
    /// first and no change tracking — at a busy centre's rate those were most of the store's CPU for call records.
    /// </summary>
    private async Task Commit(IReadOnlyList<CallDetail> batch)
    {
        var rows = batch.GroupBy(c => c.CallId).Select(g =>
        {
            var row = new CallRow { CallId = g.Key, Caller = "", Queue = "", Queues = "", Outcome = "" };
            row.Fill(g.Last());
            return row;
        }).ToList();
        await using var db = await store.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RowUpsert<CallRow>.For(db).Write(db, rows);
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    /// <summary>A page's cursor: the last record's end (UTC ticks) and call id.</summary>
    public static class Cursor
    {
        public static string Of(CallRow row) => $"{row.EndedUtcTicks.ToString(CultureInfo.InvariantCulture)}_{row.CallId}";

        public static (long Ticks, string? CallId) Parse(string? cursor)
        {
            var cut = cursor?.IndexOf('_') ?? -1;
            return cut > 0 && long.TryParse(cursor![..cut], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (ticks, cursor[(cut + 1)..])
                : (0, null);
        }

        public static bool IsValid(string? cursor) => cursor is null || Parse(cursor).CallId is { Length: > 0 };
    }
}
