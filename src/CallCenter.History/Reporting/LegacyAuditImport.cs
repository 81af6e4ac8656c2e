using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History.Reporting;

/// <summary>
/// What an older release kept in grain state, by state name ("audit-day", "recorded-calls"…): the caller reads those
/// rows (it knows the storage) and removes the ones imported.
/// </summary>
public sealed record LegacyRows(
    Func<string, Task<IReadOnlyList<(string GrainId, byte[] Payload)>>> Read,
    Func<string, IReadOnlyList<string>, Task> Remove)
{
    public static readonly LegacyRows None = new(_ => Task.FromResult<IReadOnlyList<(string, byte[])>>([]), (_, _) => Task.CompletedTask);

    /// <summary>The grain's own key out of a stored grain id ("recorded-calls/2026-W48" or "2026-W48").</summary>
    public static string Key(string grainId) => grainId[(grainId.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Hands every stored state of a kind to <paramref name="each"/> with its grain key (in <paramref name="order"/> of
    /// keys, if given), then removes them all. Every <paramref name="each"/> is an upsert: a run cut short repeats safely.
    /// </summary>
    public async Task Import<T>(string state, Func<string, T, Task> each, Func<string, int>? order = null)
    {
        var rows = await Read(state);
        foreach (var (grainId, payload) in rows.OrderBy(r => order?.Invoke(Key(r.GrainId)) ?? 0))
        {
            if (JsonSerializer.Deserialize<T>(payload, LegacyAuditImport.Json) is { } value)
            {
                await each(Key(grainId), value);
            }
        }

        if (rows.Count > 0)
        {
            await Remove(state, rows.Select(r => r.GrainId).ToList());
        }
    }
}

/// <summary>
/// Moves the audit trail an older release kept in grain state into the store, lines, hashes and order unchanged, so
/// every day's chain verifies as before. Each imported line's id is derived from its day and place: a crash halfway
/// and a second run import nothing twice. A day that already has lines of its own in the store (an older host kept
/// writing it while a newer one ran) is left where it is and reported: two chains are never merged.
/// </summary>
public static class LegacyAuditImport
{
    public const string State = "audit-day";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Imports what it can; returns the days left in grain state because the store has lines of its own for them.</summary>
    public static async Task<IReadOnlyList<string>> Run(HistoryDb db, LegacyRows legacy)
    {
        var rows = await legacy.Read(State);
        if (rows.Count == 0)
        {
            return [];
        }

        var (imported, skipped) = (new List<string>(), new List<string>());
        foreach (var (grainId, payload) in rows)
        {
            var day = grainId[^10..];
            var entries = JsonSerializer.Deserialize<LegacyAuditDay>(payload, Json)?.Entries ?? [];
            var known = (await db.AuditLines.Where(l => l.Day == day).Select(l => l.LineId).ToListAsync()).ToHashSet();
            if (known.Any(id => !id.StartsWith("legacy-", StringComparison.Ordinal)))
            {
                skipped.Add(day);
                continue;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var id = $"legacy-{day}-{i + 1}";
                if (!known.Contains(id))
                {
                    db.AuditLines.Add(AuditTrail.Stored(day, i + 1, entries[i] with { LineId = id }));
                }
            }

            await db.SaveChangesAsync();
            imported.Add(grainId);
        }

        await legacy.Remove(State, imported);
        return skipped;
    }

    private sealed record LegacyAuditDay(List<AuditEntry> Entries);
}
