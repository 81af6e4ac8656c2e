using System.Text.Json;
using System.Text.Json.Nodes;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// The wallboard's wire form, the same over JSON and MessagePack: every tile a map of the camelCase keys the JSON
/// protocol writes (enums and times as the same strings), numbers rounded to what the wall shows. A batch carries of
/// each seat and queue only the keys that changed since the batch before (see <see cref="WallDeltas"/>); alerts, duty
/// shifts and quality tiles, which change rarely, go whole.
/// </summary>
public static class WallWire
{
    public const int Decimals = 1;

    /// <summary>A record as the wall gets it: maps, lists, strings, whole numbers, numbers to <see cref="Decimals"/>, booleans, nulls.</summary>
    public static Dictionary<string, object?> Tile<T>(T record, JsonSerializerOptions options) =>
        (Dictionary<string, object?>)Plain(JsonSerializer.SerializeToElement(record, options))!;

    public static Dictionary<string, object?> Batch(string epoch, long version, IReadOnlyList<Dictionary<string, object?>> seats,
        IReadOnlyList<Dictionary<string, object?>> queues, IReadOnlyList<Dictionary<string, object?>> alerts,
        IReadOnlyList<Dictionary<string, object?>>? duty, IReadOnlyList<Dictionary<string, object?>>? quality) => new()
        {
            ["epoch"] = epoch,
            ["version"] = version,
            ["seats"] = seats,
            ["queues"] = queues,
            ["alerts"] = alerts,
            ["duty"] = duty,
            ["quality"] = quality,
        };

    /// <summary>The board's snapshot as a wall of <paramref name="scope"/> sees it (hub and wall stream alike).</summary>
    public static async Task<Dictionary<string, object?>> Snapshot(IGrainFactory grains, MonitorScope scope, JsonSerializerOptions options) =>
        Snapshot(scope.Filter(await grains.GetGrain<IMonitorBoard>(0).Snapshot()), options);

    public static Dictionary<string, object?> Snapshot(MonitorSnapshot snapshot, JsonSerializerOptions options) => new()
    {
        ["epoch"] = snapshot.Epoch,
        ["version"] = snapshot.Version,
        ["seats"] = snapshot.Seats.Select(s => Tile(s, options)).ToList(),
        ["queues"] = snapshot.Queues.Select(q => Tile(q, options)).ToList(),
        ["openAlerts"] = snapshot.OpenAlerts.Select(a => Tile(a, options)).ToList(),
        ["duty"] = snapshot.Duty?.Select(d => Tile(d, options)).ToList(),
        ["quality"] = snapshot.Quality?.Select(q => Tile(q, options)).ToList(),
    };

    /// <summary>The keys of <paramref name="after"/> whose values differ from <paramref name="before"/>, with the id; null when nothing the wall shows changed.</summary>
    public static Dictionary<string, object?>? Changes(Dictionary<string, object?> before, Dictionary<string, object?> after, string id)
    {
        Dictionary<string, object?>? changed = null;
        foreach (var (key, value) in after)
        {
            if (!before.TryGetValue(key, out var was) || !Same(was, value))
            {
                (changed ??= new() { [id] = after[id] })[key] = value;
            }
        }

        return changed;
    }

    /// <summary>For clients: a tile received (whole or changed keys) laid over the one known; null if it is a change to a tile not known.</summary>
    public static JsonObject? Merge(JsonObject? known, JsonObject received, string required)
    {
        if (known is null)
        {
            return received.ContainsKey(required) ? (JsonObject)received.DeepClone() : null;
        }

        var merged = (JsonObject)known.DeepClone();
        foreach (var (key, value) in received)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static object? Plain(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var whole) ? whole : Rounded(e.GetDouble()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static object Rounded(double value)
    {
        var shown = Math.Round(value, Decimals);
        return shown == Math.Floor(shown) && Math.Abs(shown) < 1e15 ? (object)(long)shown : shown;
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (Dictionary<string, object?> x, Dictionary<string, object?> y) => x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && Same(p.Value, v)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        _ => Equals(a, b),
    };
}
