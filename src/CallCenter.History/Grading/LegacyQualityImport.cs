using System.Text.Json;
using CallCenter.Grading;
using CallCenter.History.Reporting;

namespace CallCenter.History.Grading;

/// <summary>Moves the monthly evaluations and vetoes an older release kept in grain state ("quality-month") into the store.</summary>
public static class LegacyQualityImport
{
    public const string State = "quality-month";

    public static async Task Run(HistoryDb db, LegacyRows legacy)
    {
        var imported = new List<string>();
        foreach (var (grainId, payload) in await legacy.Read(State))
        {
            var month = LegacyRows.Key(grainId);
            var stored = JsonSerializer.Deserialize<LegacyMonth>(payload, LegacyAuditImport.Json);
            foreach (var evaluation in (stored?.Evaluations ?? []).Values)
            {
                await QualityRecords.Upsert(db, month, evaluation);
            }

            foreach (var veto in (stored?.Vetoes ?? []).Values)
            {
                await QualityRecords.Veto(db, month, veto);
            }

            imported.Add(grainId);
        }

        if (imported.Count > 0)
        {
            await legacy.Remove(State, imported);
        }
    }

    private sealed record LegacyMonth(Dictionary<string, ScoredEvaluation>? Evaluations, Dictionary<string, Veto>? Vetoes);
}
