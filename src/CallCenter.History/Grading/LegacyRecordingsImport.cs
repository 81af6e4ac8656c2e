using System.Text.Json;
using CallCenter.Grading;
using CallCenter.History.Reporting;

namespace CallCenter.History.Grading;

/// <summary>
/// Moves the recordings index an older release kept in grain state (one "recorded-calls" state per ISO week) into the
/// store, each call under the week it was indexed in; upserts, so a second run writes nothing twice.
/// </summary>
public static class LegacyRecordingsImport
{
    public const string State = "recorded-calls";

    public static async Task Run(HistoryDb db, LegacyRows legacy)
    {
        var rows = await legacy.Read(State);
        var imported = new List<string>();
        foreach (var (grainId, payload) in rows)
        {
            var week = LegacyRows.Key(grainId);
            foreach (var call in (JsonSerializer.Deserialize<LegacyWeek>(payload, LegacyAuditImport.Json)?.Calls ?? []).Values)
            {
                await RecordedCalls.Upsert(db, call, week);
            }

            imported.Add(grainId);
        }

        if (imported.Count > 0)
        {
            await legacy.Remove(State, imported);
        }
    }

    private sealed record LegacyWeek(Dictionary<string, RecordedCall> Calls);
}
