using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using HdrHistogram;

namespace CallCenter.LoadTests;

/// <summary>
/// What a piece of work in this (the host's) process waits for while it lives: a thread of its own hands the thread
/// pool a probe every millisecond and records how long the probe waited to run, and the runtime's GC events give each
/// collection's pause (threads suspended → restarted). Probes are split by whether they were queued during a pause or
/// within <see cref="AfterPause"/> of its end, so a report says how much of the pool's tail follows the collections.
/// </summary>
public sealed class HostStalls : EventListener
{
    public static readonly TimeSpan AfterPause = TimeSpan.FromMilliseconds(100);
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;

    private readonly ConcurrentQueue<(long At, long Waited)> probes = new();
    private readonly LongHistogram pending = new(1_000_000, 3);
    private readonly LongHistogram threads = new(10_000, 3);
    private readonly ConcurrentQueue<(long From, long To)> pauses = new();
    private readonly Thread prober;
    private readonly int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly TimeSpan pausedBefore = GC.GetTotalPauseDuration();
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly long itemsBefore = ThreadPool.CompletedWorkItemCount;
    private long suspendedAt;
    private volatile bool stopped;

    public HostStalls()
    {
        prober = new Thread(Probe) { IsBackground = true, Name = "pool-probe" };
        prober.Start();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventId == SuspendBegin)
        {
            suspendedAt = Stopwatch.GetTimestamp() - Since(e.TimeStamp);
        }
        else if (e.EventId == RestartEnd && suspendedAt != 0 && !stopped)
        {
            pauses.Enqueue((suspendedAt, Stopwatch.GetTimestamp() - Since(e.TimeStamp)));
            suspendedAt = 0;
        }
    }

    /// <summary>How long ago (in Stopwatch ticks) an event's own time stamp was, so late delivery does not shift it.</summary>
    private static long Since(DateTime stamp) =>
        (long)((DateTime.UtcNow - stamp.ToUniversalTime()).TotalSeconds * Stopwatch.Frequency);

    private void Probe()
    {
        while (!stopped)
        {
            Thread.Sleep(1);
            pending.RecordValue(ThreadPool.PendingWorkItemCount);
            threads.RecordValue(ThreadPool.ThreadCount);
            var queued = Stopwatch.GetTimestamp();
            ThreadPool.UnsafeQueueUserWorkItem(at => probes.Enqueue((at, Stopwatch.GetTimestamp() - at)), queued, preferLocal: false);
        }
    }

    public string Report()
    {
        stopped = true;
        prober.Join();
        var paused = GC.GetTotalPauseDuration() - pausedBefore;
        var counts = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        var windows = pauses.ToArray();
        var items = (ThreadPool.CompletedWorkItemCount - itemsBefore) / wall.Elapsed.TotalSeconds;
        var pauseMs = windows.Select(p => Ms(p.To - p.From)).Order().ToArray();
        var after = (long)(AfterPause.TotalSeconds * Stopwatch.Frequency);
        var near = SoftswitchDriver.Histogram();
        var elsewhere = SoftswitchDriver.Histogram();
        var all = SoftswitchDriver.Histogram();
        foreach (var (at, waited) in probes)
        {
            var micros = Math.Max(1, waited * 1_000_000 / Stopwatch.Frequency);
            all.RecordValue(micros);
            (windows.Any(p => at >= p.From && at <= p.To + after) ? near : elsewhere).RecordValue(micros);
        }

        var seconds = wall.Elapsed.TotalSeconds;
        return $"GC {counts[0] - counts[1]} gen0, {counts[1] - counts[2]} gen1, {counts[2]} gen2 in {seconds:F0} s; paused {paused.TotalMilliseconds:F0} ms ({paused.TotalSeconds / seconds:P1}), " +
               $"pause p50 {At(pauseMs, 0.5):F1} ms, longest {pauseMs.DefaultIfEmpty().Max():F1} ms\n" +
               $"thread pool wait        {Spread(all)} (a probe every ms, {all.TotalCount} probes)\n" +
               $"  within {AfterPause.TotalMilliseconds:F0} ms of a pause  {Spread(near)} ({near.TotalCount * 100.0 / Math.Max(1, all.TotalCount):F1} % of probes)\n" +
               $"  elsewhere             {Spread(elsewhere)}\n" +
               $"thread pool queue       {items:F0} work items/s; waiting p50 {pending.GetValueAtPercentile(50)}, p99 {pending.GetValueAtPercentile(99)}, max {pending.GetMaxValue()}; " +
               $"threads p50 {threads.GetValueAtPercentile(50)}, max {threads.GetMaxValue()}";
    }

    /// <summary>
    /// The stretches (Stopwatch ticks, merged where they overlap) in which the pool ran no probe for at least
    /// <paramref name="least"/>: from a probe's queueing until it ran. Read after <see cref="Report"/>.
    /// </summary>
    public IReadOnlyList<(long From, long To)> Stalls(TimeSpan least)
    {
        var threshold = (long)(least.TotalSeconds * Stopwatch.Frequency);
        var merged = new List<(long From, long To)>();
        foreach (var (at, waited) in probes.Where(p => p.Waited >= threshold).OrderBy(p => p.At))
        {
            if (merged.Count > 0 && at <= merged[^1].To)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, at + waited));
            }
            else
            {
                merged.Add((at, at + waited));
            }
        }

        return merged;
    }

    private static string Spread(LongHistogram h) => h.TotalCount == 0
        ? "none"
        : $"p50 {h.GetValueAtPercentile(50) / 1000.0:F2} ms  p99 {h.GetValueAtPercentile(99) / 1000.0:F1} ms  p99.9 {h.GetValueAtPercentile(99.9) / 1000.0:F1} ms  max {h.GetMaxValue() / 1000.0:F1} ms";

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double At(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];

    public override void Dispose()
    {
        stopped = true;
        base.Dispose();
    }
}
