using System.Text.Json;
using CallCenter.Grading;
using CallCenter.History.Reporting;

namespace CallCenter.History.Grading;

/// <summary>Moves the corrections an older release kept in one grain state ("corrections") into the store.</summary>
public static class LegacyCorrectionsImport
{
    public const string State = "corrections";

    public static async Task Run(HistoryDb db, LegacyRows legacy)
    {
        var imported = new List<string>();
        foreach (var (grainId, payload) in await legacy.Read(State))
        {
            foreach (var correction in (JsonSerializer.Deserialize<LegacyCorrections>(payload, LegacyAuditImport.Json)?.Corrections ?? []).Values)
            {
                await Grading.Corrections.Insert(db, correction);
            }

            imported.Add(grainId);
        }

        if (imported.Count > 0)
        {
            await legacy.Remove(State, imported);
        }
    }

    private sealed record LegacyCorrections(Dictionary<string, Correction>? Corrections);
}
