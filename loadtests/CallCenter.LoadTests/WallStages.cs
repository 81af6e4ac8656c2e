using System.Diagnostics.Metrics;
using HdrHistogram;

namespace CallCenter.LoadTests;

/// <summary>
/// Where the Orleans path's time goes, from the host's own meters while it is measured: the durable write of a seat
/// (Orleans' storage write latency for seat states) and the push lag (from a seat's change to its batch leaving the
/// host's relay: write, the silo's notifier window, the board and the relay's ordering). The rest of a receipt's
/// latency is the hub's send and the client.
/// </summary>
public sealed class WallStages : IDisposable
{
    private const long MaxMicros = 5 * 60 * 1_000_000L;
    private readonly MeterListener listener = new();
    private readonly LongHistogram writes = new(MaxMicros, 3);
    private readonly LongHistogram pushLag = new(MaxMicros, 3);
    private volatile bool measuring;

    public WallStages()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name is "orleans-storage-write-latency" or "callcenter.monitor.push_lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (!measuring)
            {
                return;
            }

            if (instrument.Name == "callcenter.monitor.push_lag")
            {
                Record(pushLag, value);
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "state_name" && tag.Value as string == "seat")
                {
                    Record(writes, value);
                }
            }
        });
        listener.Start();
    }

    public void Start() => measuring = true;

    public void Stop() => measuring = false;

    public string Report() =>
        $"seat write p50 {Ms(writes, 50)} ms, p99 {Ms(writes, 99)} ms ({writes.TotalCount} writes); " +
        $"change → batch leaves the relay p50 {Ms(pushLag, 50)} ms, p99 {Ms(pushLag, 99)} ms, p99.9 {Ms(pushLag, 99.9)} ms";

    private static void Record(LongHistogram histogram, double ms)
    {
        lock (histogram)
        {
            histogram.RecordValue(Math.Clamp((long)(ms * 1000), 0, MaxMicros));
        }
    }

    private static string Ms(LongHistogram histogram, double percentile) =>
        (histogram.GetValueAtPercentile(percentile) / 1000.0).ToString("F1");

    public void Dispose() => listener.Dispose();
}
