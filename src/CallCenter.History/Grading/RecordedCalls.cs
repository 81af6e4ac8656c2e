using CallCenter.Grading;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Grading;

/// <summary>
/// The recordings index on the query store. Writes are single upserts (INSERT … ON CONFLICT, the same statement on
/// SQLite and PostgreSQL): an ingest repeated on another host at the same moment still leaves one row.
/// </summary>
public sealed class RecordedCalls(IDbContextFactory<HistoryDb> store) : IRecordedCalls
{
    public async Task Add(RecordedCall call, DateOnly day)
    {
        await using var db = await store.CreateDbContextAsync();
        await Upsert(db, call, IRecordedCalls.WeekOf(day));
    }

    public static Task Upsert(HistoryDb db, RecordedCall call, string week) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO recorded_calls (call_id, week, agent, queue, recorded_utc_ticks, longest_dead_air_seconds, over_talk_seconds, survey_score)
            VALUES ({call.CallId}, {week}, {call.Agent}, {call.Queue}, {call.RecordedAt.UtcTicks}, {call.LongestDeadAirSeconds}, {call.OverTalkSeconds}, {call.SurveyScore})
            ON CONFLICT (call_id) DO UPDATE SET week = excluded.week, agent = excluded.agent, queue = excluded.queue,
                recorded_utc_ticks = excluded.recorded_utc_ticks, longest_dead_air_seconds = excluded.longest_dead_air_seconds,
                over_talk_seconds = excluded.over_talk_seconds, survey_score = COALESCE(excluded.survey_score, recorded_calls.survey_score)
            """);

    public async Task<IReadOnlyList<RecordedCall>> Week(string week)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = await db.RecordedCalls.AsNoTracking().Where(r => r.Week == week).ToListAsync();
        return rows.Select(r => r.ToCall()).OrderBy(c => c.CallId, StringComparer.Ordinal).ToList();
    }

    public async Task Surveyed(string callId, int score)
    {
        await using var db = await store.CreateDbContextAsync();
        await db.RecordedCalls.Where(r => r.CallId == callId).ExecuteUpdateAsync(s => s.SetProperty(r => r.SurveyScore, score));
    }
}
