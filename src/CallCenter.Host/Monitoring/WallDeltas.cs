using System.Text.Json;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// What each scope's clients were last sent of every seat and queue, so the next batch carries only what changed.
/// Batches come here in version order, one at a time. A client that joins later loads a snapshot at least as new as
/// the batch before the first one it applies, so a change is always laid over what it has. Whenever a batch does not
/// follow the one before (a gap, a new epoch) everything is sent whole again; a seat that leaves a scope is forgotten
/// there, so it comes back whole.
/// </summary>
public sealed class WallDeltas(JsonSerializerOptions options)
{
    private readonly Dictionary<MonitorScope, Sent> sent = [];
    private (string Epoch, long Version)? last;

    public IEnumerable<(MonitorScope Scope, Dictionary<string, object?> Batch)> Next(MonitorBatch batch, IReadOnlyCollection<MonitorScope> scopes)
    {
        if (last != (batch.Epoch, batch.Version - 1))
        {
            sent.Clear();
        }

        last = (batch.Epoch, batch.Version);
        foreach (var gone in sent.Keys.Except(scopes).ToList())
        {
            sent.Remove(gone);
        }

        if (scopes.Count == 0)
        {
            yield break; // nobody watches from this host: no tile is put in wire form for nobody
        }

        // Each tile is put in wire form once per batch; the scopes share what they send.
        var seats = batch.Seats.Select(s => (Tile: s, Wire: WallWire.Tile(s, options))).ToList();
        var queues = batch.Queues.Select(q => (Tile: q, Wire: WallWire.Tile(q, options))).ToList();
        var alerts = batch.Alerts.Select(a => (Tile: a, Wire: WallWire.Tile(a, options))).ToList();
        var duty = batch.Duty?.Select(d => WallWire.Tile(d, options)).ToList();
        var quality = batch.Quality?.Select(q => WallWire.Tile(q, options)).ToList();
        foreach (var scope in scopes)
        {
            if (!sent.TryGetValue(scope, out var known))
            {
                sent[scope] = known = new Sent();
            }

            var seatChanges = Changes(seats.Select(s => (s.Tile.SeatId, scope.Covers(s.Tile), s.Wire)), known.Seats, "seatId");
            var queueChanges = Changes(queues.Select(q => (q.Tile.QueueId, scope.Covers(q.Tile), q.Wire)), known.Queues, "queueId");
            var scopeAlerts = alerts.Where(a => scope.Covers(a.Tile)).Select(a => a.Wire).ToList();
            yield return (scope, WallWire.Batch(batch.Epoch, batch.Version, seatChanges, queueChanges, scopeAlerts, duty, quality));
        }
    }

    private static List<Dictionary<string, object?>> Changes(IEnumerable<(string Id, bool Covered, Dictionary<string, object?> Wire)> tiles,
        Dictionary<string, Dictionary<string, object?>> known, string idKey)
    {
        var changes = new List<Dictionary<string, object?>>();
        foreach (var (id, covered, wire) in tiles)
        {
            if (!covered)
            {
                known.Remove(id);
                continue;
            }

            var change = known.TryGetValue(id, out var before) ? WallWire.Changes(before, wire, idKey) : wire;
            known[id] = wire;
            if (change is not null)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    private sealed class Sent
    {
        public Dictionary<string, Dictionary<string, object?>> Seats { get; } = [];

        public Dictionary<string, Dictionary<string, object?>> Queues { get; } = [];
    }
}
