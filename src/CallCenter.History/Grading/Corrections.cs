using CallCenter.Grading;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Grading;

/// <summary>Corrections on the query store; opening one is an insert that a repeat (or another host) leaves as it was.</summary>
public sealed class Corrections(IDbContextFactory<HistoryDb> store) : ICorrections
{
    private const int ListAtMost = 1_000;

    public async Task<bool> Open(Correction correction)
    {
        await using var db = await store.CreateDbContextAsync();
        return await Insert(db, correction) == 1;
    }

    public static Task<int> Insert(HistoryDb db, Correction c) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO corrections (correction_id, call_id, agent, caller, at_seconds, wrong_answer, correct_answer, policy_reference, marked_by,
            marked_utc_ticks, callback_due_utc_ticks, status)
        VALUES ({c.CorrectionId}, {c.CallId}, {c.Agent}, {c.Caller}, {c.AtSeconds}, {c.WrongAnswer}, {c.CorrectAnswer}, {c.PolicyReference}, {c.MarkedBy},
            {c.MarkedAt.UtcTicks}, {c.CallbackDue.UtcTicks}, {c.Status.ToString()})
        ON CONFLICT (correction_id) DO NOTHING
        """);

    public async Task<Correction?> Get(string correctionId)
    {
        await using var db = await store.CreateDbContextAsync();
        return (await db.Corrections.AsNoTracking().SingleOrDefaultAsync(c => c.CorrectionId == correctionId))?.ToCorrection();
    }

    public async Task<IReadOnlyList<Correction>> List(CorrectionStatus? status)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = db.Corrections.AsNoTracking();
        if (status is { } only)
        {
            var text = only.ToString();
            rows = rows.Where(c => c.Status == text);
        }

        var latest = await rows.OrderByDescending(c => c.CallbackDueUtcTicks).Take(ListAtMost).ToListAsync();
        return latest.Select(r => r.ToCorrection()).OrderBy(c => c.CallbackDue).ToList();
    }

    public async Task<Correction?> CallbackDone(string correctionId)
    {
        await using var db = await store.CreateDbContextAsync();
        var done = nameof(CorrectionStatus.CallbackDone);
        await db.Corrections.Where(c => c.CorrectionId == correctionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, done));
        return (await db.Corrections.AsNoTracking().SingleOrDefaultAsync(c => c.CorrectionId == correctionId))?.ToCorrection();
    }
}
