using CallCenter.Grading;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Grading;

/// <summary>Evaluations and vetoes on the query store, by month; written as upserts keyed by evaluation and order.</summary>
public sealed class QualityRecords(IDbContextFactory<HistoryDb> store) : IQualityRecords
{
    public async Task Scored(string month, ScoredEvaluation evaluation)
    {
        await using var db = await store.CreateDbContextAsync();
        await Upsert(db, month, evaluation);
    }

    public static Task Upsert(HistoryDb db, string month, ScoredEvaluation evaluation)
    {
        var e = EvaluationRow.Of(month, evaluation);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO evaluation_scores (evaluation_id, month, call_id, agent, team, total, critical_failed, question_percent, at_utc_ticks)
            VALUES ({e.EvaluationId}, {e.Month}, {e.CallId}, {e.Agent}, {e.Team}, {e.Total}, {e.CriticalFailed}, {e.QuestionPercent}, {e.AtUtcTicks})
            ON CONFLICT (evaluation_id) DO UPDATE SET month = excluded.month, call_id = excluded.call_id, agent = excluded.agent, team = excluded.team,
                total = excluded.total, critical_failed = excluded.critical_failed, question_percent = excluded.question_percent, at_utc_ticks = excluded.at_utc_ticks
            """);
    }

    public async Task<IReadOnlyList<ScoredEvaluation>> Month(string month)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = await db.EvaluationScores.AsNoTracking().Where(e => e.Month == month).OrderBy(e => e.AtUtcTicks).ToListAsync();
        return rows.Select(r => r.ToEvaluation()).ToList();
    }

    public async Task Vetoed(string month, Veto veto)
    {
        await using var db = await store.CreateDbContextAsync();
        await Veto(db, month, veto);
    }

    public static Task Veto(HistoryDb db, string month, Veto veto) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO vetoes (order_id, month, person, at_utc_ticks, reason) VALUES ({veto.OrderId}, {month}, {veto.Person}, {veto.At.UtcTicks}, {veto.Reason})
        ON CONFLICT (order_id) DO NOTHING
        """);

    public async Task<IReadOnlyList<Veto>> Vetoes(string month)
    {
        await using var db = await store.CreateDbContextAsync();
        var rows = await db.Vetoes.AsNoTracking().Where(v => v.Month == month).OrderBy(v => v.AtUtcTicks).ToListAsync();
        return rows.Select(r => r.ToVeto()).ToList();
    }
}
