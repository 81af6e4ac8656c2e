using CallCenter.History.Seats;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Reporting;

public sealed class HistoryRetention(IDbContextFactory<HistoryDb> store) : IHistoryRetention
{
    public async Task<(int CallRecords, int ActivitySpans)> RemoveCallsBefore(DateTimeOffset cutoff)
    {
        var ticks = cutoff.UtcTicks;
        await using var db = await store.CreateDbContextAsync();
        var calls = await db.CallRecords.Where(c => c.EndedUtcTicks < ticks).ExecuteDeleteAsync();
        var spans = await db.AgentActivity.Where(s => s.ToUtcTicks < ticks).ExecuteDeleteAsync();
        var day = SpanRow.DayKey(DateOnly.FromDateTime(cutoff.UtcDateTime));
        await db.AgentDays.Where(d => string.Compare(d.Day, day) < 0).ExecuteDeleteAsync();
        await db.AlertHistory.Where(a => a.RaisedUtcTicks < ticks).ExecuteDeleteAsync(); // alerts live as long as the calls they were about
        return (calls, spans);
    }

    public async Task<int> RemoveAuditBefore(DateOnly day)
    {
        var key = SpanRow.DayKey(day);
        await using var db = await store.CreateDbContextAsync();
        return await db.AuditLines.Where(l => string.Compare(l.Day, key) < 0).ExecuteDeleteAsync();
    }

    public async Task RecordingsRemoved(IReadOnlyCollection<string> callIds)
    {
        await using var db = await store.CreateDbContextAsync();
        foreach (var chunk in callIds.Chunk(500))
        {
            await db.CallRecords.Where(c => chunk.Contains(c.CallId)).ExecuteUpdateAsync(s => s.SetProperty(c => c.HasRecording, false));
            await db.RecordedCalls.Where(r => chunk.Contains(r.CallId)).ExecuteDeleteAsync(); // no longer a sampling candidate
        }
    }
}
