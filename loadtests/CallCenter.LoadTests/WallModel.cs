using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CallCenter.Host;
using CallCenter.Monitoring;

namespace CallCenter.LoadTests;

/// <summary>
/// The client side of the wall's wire form (<see cref="WallWire"/>), kept as the page keeps it: the tiles of the last
/// snapshot, each batch's changed keys laid over them, so every batch can be read whole. Not thread-safe.
/// </summary>
public sealed class WallModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, JsonObject> seats = [];
    private readonly Dictionary<string, JsonObject> queues = [];
    private long version = -1;

    public MonitorSnapshot Load(JsonElement wire)
    {
        var node = JsonNode.Parse(wire.GetRawText())!;
        var snapshot = node.Deserialize<MonitorSnapshot>(Json)!;
        seats.Clear();
        queues.Clear();
        foreach (var seat in node["seats"]!.AsArray())
        {
            seats[(string)seat!["seatId"]!] = seat.AsObject();
        }

        foreach (var queue in node["queues"]!.AsArray())
        {
            queues[(string)queue!["queueId"]!] = queue.AsObject();
        }

        version = snapshot.Version;
        return snapshot;
    }

    /// <summary>
    /// The batch made whole. <c>Complete</c> is false when it changes a tile this model does not have (then the page
    /// fetches a snapshot); such tiles are left out. A batch no newer than the snapshot is read over the tiles as they
    /// are and changes nothing.
    /// </summary>
    public (MonitorBatch Batch, bool Complete) Apply(JsonElement wire)
    {
        var node = JsonNode.Parse(wire.GetRawText())!.AsObject();
        var keep = node["version"]!.GetValue<long>() > version;
        var complete = true;
        JsonArray Whole(string key, Dictionary<string, JsonObject> known, string id)
        {
            var whole = new JsonArray();
            foreach (var tile in node[key]!.AsArray())
            {
                var name = (string)tile![id]!;
                if (WallWire.Merge(known.GetValueOrDefault(name), tile.AsObject(), "name") is not { } merged)
                {
                    complete = false;
                    continue;
                }

                if (keep)
                {
                    known[name] = merged;
                }

                whole.Add(merged.DeepClone());
            }

            return whole;
        }

        node["seats"] = Whole("seats", seats, "seatId");
        node["queues"] = Whole("queues", queues, "queueId");
        if (keep)
        {
            version = node["version"]!.GetValue<long>();
        }

        return (node.Deserialize<MonitorBatch>(Json)!, complete);
    }
}
