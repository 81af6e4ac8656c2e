using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CallCenter.LoadTests;

/// <summary>
/// Counts the durable writes made in this process while it lives: grain states by state name (Orleans records one
/// storage write-latency measurement per write, which also gives how long a grain waited for its write to be durable)
/// and the SQLite writer's statements, commits and busy time.
/// </summary>
public sealed class StorageWrites : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> byState = new();
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly HdrHistogram.LongHistogram latency = SoftswitchDriver.Histogram();
    private long statements;
    private long commits;
    private long busyMicros;

    public StorageWrites()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if ((instrument.Meter.Name == "Microsoft.Orleans" && instrument.Name == "orleans-storage-write-latency") || instrument.Meter.Name == "CallCenter.Storage")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "callcenter.sqlite.busy")
            {
                Interlocked.Add(ref busyMicros, (long)(value * 1e6));
                return;
            }

            var state = "?";
            foreach (var tag in tags)
            {
                if (tag.Key == "state_name")
                {
                    state = tag.Value?.ToString() ?? "?";
                }
            }

            byState.AddOrUpdate(state, 1, (_, n) => n + 1);
            lock (latency)
            {
                latency.RecordValue(Math.Max(1, (long)(value * 1000))); // Orleans measures in ms
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            Interlocked.Add(ref instrument.Name == "callcenter.sqlite.writes" ? ref statements : ref commits, value));
        listener.Start();
    }

    /// <summary>The writes of one unit of work on average, over <paramref name="units"/> units.</summary>
    public string Report(long units)
    {
        var per = (double)Math.Max(1, units);
        var total = byState.Values.Sum();
        var parts = byState.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value / per:F2}");
        return $"{total / per:F2} grain states per call ({string.Join(", ", parts)}); SQLite statements {statements / per:F2}, " +
               $"commits (fsyncs) {commits / per:F2} per call; SQLite writer busy {busyMicros / 1e6 / wall.Elapsed.TotalSeconds:P0} of the time; " +
               $"a grain's write durable after {Durable()}";
    }

    private string Durable()
    {
        lock (latency)
        {
            return OfferLatency.Spread(SoftswitchDriver.Spread(latency));
        }
    }

    public void Dispose() => listener.Dispose();
}
