using Microsoft.Diagnostics.Tracing.Etlx;

namespace CallCenter.LoadTests;

/// <summary>
/// Where a host's CPU went, from a trace taken during a run with
/// <c>dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o run.nettrace</c>.
/// The sampler records every thread, running or not; a sample whose innermost frames are a wait (thread pool, monitor,
/// wait handle, epoll) is idle and left out; a thread held for a garbage collection (PollGC) counts, as time lost.
/// Each sample on CPU is given to the innermost CallCenter class on its stack (or "no CallCenter frame") and,
/// separately, to the assembly and the method of its innermost frame (native frames are not named: their managed caller).
/// A trace taken with <c>--profile gc-verbose</c> adds where memory was allocated, by type, by CallCenter class and by type within the innermost CallCenter method;
/// one with GC events (<c>gc-collect</c> or <c>gc-verbose</c>) adds the collections and how long each stopped the threads.
/// With a third argument, also the commonest stacks (innermost 14 frames) of the samples whose innermost frame's
/// method contains that text: who calls it.
///   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- profile run.nettrace [rows=25] [method text]
/// </summary>
public static class ProfileReport
{
    private static readonly string[] Waits =
    [
        "LowLevelLifoSemaphore.WaitForSignal", "LowLevelLifoSemaphore.Wait", "WaitHandle.WaitOneNoCheck", "WaitHandle.WaitMultiple",
        "WaitHandle.WaitOne", "Monitor.Wait", "ManualResetEventSlim.Wait", "Thread.Sleep", "LowLevelMonitor", "WaitForSocketEvents",
        "Interop+Sys.Read(", "Interop+Sys.Poll", "SemaphoreSlim.Wait", "Thread.Join", "Interop+Sys.WaitPid",
        "SocketAsyncEngine.EventLoop", "WorkerThread.WorkerThreadStart", "TimerQueue.TimerThread",
    ];

    public static void Run(string[] args)
    {
        var path = args[0];
        var rows = args.Length > 1 ? int.Parse(args[1]) : 25;
        var callersOf = args.Length > 2 ? args[2] : null;
        var stacks = new Dictionary<string, int>();
        var (allocated, byType, byAllocator, large) = (0L, new Dictionary<string, long>(), new Dictionary<string, long>(), new Dictionary<string, long>());
        var byTypeAndMethod = new Dictionary<string, long>();
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var (all, idle) = (0, 0);
        var byClass = new Dictionary<string, int>();
        var byAssembly = new Dictionary<string, int>();
        var byMethod = new Dictionary<string, int>();
        var anywhere = new Dictionary<string, int>();
        var perThread = new Dictionary<int, int>();
        var (pauses, generations, suspendedAt, generation) = (new List<double>(), new int[3], (double?)null, 0);
        var pausesOf = new[] { new List<double>(), new List<double>(), new List<double>() };
        var (suspending, gcStarted, working) = (new List<double>(), (double?)null, new List<double>());
        // Per collection, from GC/MarkWithType (each heap reports each kind of root as it finishes marking from it):
        // when the roots (stacks, finalizer queue, handles) were done, when the older generations' cards were, and
        // the last marking event; what follows it is planning, relocating and compacting.
        var (rootsDone, cardsDone, markDone) = (0.0, 0.0, 0.0);
        var phases = new List<(double Roots, double Cards, double Compacting)>();
        var promotedBy = new[] { new List<double>(), new List<double>(), new List<double>() };
        foreach (var sample in log.Events)
        {
            switch (sample.EventName)
            {
                case "GC/SuspendEEStop" when suspendedAt is { } asked:
                    suspending.Add(sample.TimeStampRelativeMSec - asked);
                    continue;
                case "GC/MarkWithType" when gcStarted is { } marking:
                    var done = sample.TimeStampRelativeMSec - marking;
                    markDone = Math.Max(markDone, done);
                    switch (Convert.ToInt32(sample.PayloadByName("Type")))
                    {
                        case <= 2:
                            rootsDone = Math.Max(rootsDone, done);
                            break;
                        case 3:
                            cardsDone = Math.Max(cardsDone, done);
                            break;
                    }

                    continue;
                case "GC/Stop" when gcStarted is { } began:
                    working.Add(sample.TimeStampRelativeMSec - began);
                    if (markDone > 0 && generation < 2)
                    {
                        phases.Add((rootsDone, Math.Max(0, cardsDone - rootsDone), sample.TimeStampRelativeMSec - began - markDone));
                    }

                    (gcStarted, rootsDone, cardsDone, markDone) = (null, 0, 0, 0);
                    continue;
                case "GC/Start":
                    gcStarted = sample.TimeStampRelativeMSec;
                    generation = Math.Clamp(Convert.ToInt32(sample.PayloadByName("Depth")), 0, 2);
                    generations[generation]++;
                    continue;
                case "GC/SuspendEEStart":
                    suspendedAt = sample.TimeStampRelativeMSec;
                    continue;
                case "GC/RestartEEStop" when suspendedAt is { } from:
                    pauses.Add(sample.TimeStampRelativeMSec - from);
                    pausesOf[generation].Add(sample.TimeStampRelativeMSec - from);
                    suspendedAt = null;
                    continue;
                case "GC/HeapStats":
                    // What the last collection kept: promoted out of the generations it collected, in MB.
                    promotedBy[generation].Add((Convert.ToDouble(sample.PayloadByName("TotalPromotedSize0")) + Convert.ToDouble(sample.PayloadByName("TotalPromotedSize1"))
                        + (generation == 2 ? Convert.ToDouble(sample.PayloadByName("TotalPromotedSize2")) : 0)) / 1e6);
                    continue;
            }

            if (sample.EventName == "GC/AllocationTick")
            {
                var amount = Convert.ToInt64(sample.PayloadByName("AllocationAmount64"));
                var isLarge = Convert.ToInt32(sample.PayloadByName("AllocationKind")) == 1;
                var type = $"{sample.PayloadByName("TypeName")}{(isLarge ? " (large)" : "")}";
                var allocator = Ours(Frames(sample.CallStack()));
                var who = ClassOf(allocator);
                allocated += amount;
                byType[type] = byType.GetValueOrDefault(type) + amount;
                byAllocator[who] = byAllocator.GetValueOrDefault(who) + amount;
                var where = $"{type} in {allocator?.Split('(')[0] ?? NoFrame}";
                byTypeAndMethod[where] = byTypeAndMethod.GetValueOrDefault(where) + amount;
                if (isLarge)
                {
                    large[where] = large.GetValueOrDefault(where) + amount;
                }

                continue;
            }

            if (sample.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || sample.CallStack() is not { } stack)
            {
                continue;
            }

            all++;
            Count(perThread, sample.ThreadID);
            var frames = Frames(stack).Where(f => f.Module.Length > 0).ToList(); // native frames are not named in these traces
            if (frames.Take(3).Any(f => Waits.Any(w => f.Method.Contains(w, StringComparison.Ordinal))))
            {
                idle++;
                continue;
            }

            Count(byClass, ClassOf(Ours(frames)));
            foreach (var type in frames.Where(f => f.Method.StartsWith("CallCenter.", StringComparison.Ordinal)).Select(f => ClassOf(f.Method)).Distinct())
            {
                Count(anywhere, type);
            }

            Count(byAssembly, frames.Count > 0 ? frames[0].Module : "(unknown)");
            Count(byMethod, frames.Count > 0 ? frames[0].Method : "(unknown)");
            if (callersOf is not null && frames.Count > 0 && frames[0].Method.Contains(callersOf, StringComparison.Ordinal))
            {
                Count(stacks, string.Join("\n      ", frames.Take(14).Select(f => f.Method.Split('(')[0])));
            }
        }

        var busy = all - idle;
        Console.WriteLine($"{path}: {all} samples, {idle} idle (waiting), {busy} on CPU");
        Print("innermost CallCenter class on the stack", byClass, busy, rows);
        // Every thread is sampled at the same rate, so the busiest thread's count is one core for the trace's length: a
        // class's inclusive count over it is the cores its work held — near 1 for one activation means a single line.
        var core = Math.Max(1, perThread.Values.DefaultIfEmpty().Max());
        Console.WriteLine("by CallCenter class anywhere on the stack (inclusive), in cores:");
        foreach (var (name, count) in anywhere.OrderByDescending(c => c.Value).Take(rows))
        {
            Console.WriteLine($"  {(double)count / core,5:F2}  {100.0 * count / Math.Max(1, busy),5:F1} %  {name}");
        }

        Print("assembly of the innermost frame", byAssembly, busy, rows);
        Print("innermost method", byMethod, busy, rows);
        if (callersOf is not null)
        {
            Print($"stack under '{callersOf}'", stacks, busy, 5);
        }

        if (pauses.Count > 0)
        {
            // Every managed thread stops from SuspendEE to RestartEE: a request caught there waits the whole pause.
            var sorted = pauses.Order().ToList();
            var seconds = Math.Max(0.001, log.SessionDuration.TotalSeconds);
            Console.WriteLine($"garbage collections: gen0 {generations[0]}, gen1 {generations[1]}, gen2 {generations[2]} in {seconds:F1} s; "
                + $"pauses p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms, max {sorted[^1]:F1} ms, "
                + $"{100 * sorted.Sum() / 1000 / seconds:F1} % of the time");
            if (suspending.Count > 0 && working.Count > 0)
            {
                // A pause is the threads being stopped, the collection, and their restart.
                Console.WriteLine($"  stopping the threads p50 {suspending.Order().ElementAt(suspending.Count / 2):F1} ms, max {suspending.Max():F1} ms; "
                    + $"collecting (GC/Start to GC/Stop) p50 {working.Order().ElementAt(working.Count / 2):F1} ms, max {working.Max():F1} ms");
            }

            if (phases.Count > 0)
            {
                double Median(IEnumerable<double> values) => values.Order().ElementAt(phases.Count / 2);
                Console.WriteLine($"  gen0/gen1 collections, p50: marking from the roots done at {Median(phases.Select(p => p.Roots)):F1} ms, "
                    + $"through older generations' cards {Median(phases.Select(p => p.Cards)):F1} ms more, "
                    + $"then planning, relocating and compacting {Median(phases.Select(p => p.Compacting)):F1} ms");
            }

            for (var g = 0; g < 3; g++)
            {
                if (pausesOf[g].Count > 0)
                {
                    var own = pausesOf[g].Order().ToList();
                    var kept = promotedBy[g].Count > 0 ? $", promoted {promotedBy[g].Average():F1} MB on average" : "";
                    Console.WriteLine($"  gen{g}: {own.Count} pauses, p50 {own[own.Count / 2]:F1} ms, max {own[^1]:F1} ms{kept}");
                }
            }
        }

        if (allocated > 0)
        {
            // AllocationTick (a dotnet-trace --profile gc-verbose trace) fires about every 100 KB allocated: a sample, not a count.
            Console.WriteLine($"allocations sampled: {allocated / 1e6:F0} MB");
            foreach (var (title, counts) in new[] { ("type", byType), ("innermost CallCenter class", byAllocator), ("type and innermost CallCenter method", byTypeAndMethod), ("large object and innermost CallCenter method", large) })
            {
                Console.WriteLine($"by {title}:");
                foreach (var (name, bytes) in counts.OrderByDescending(c => c.Value).Take(rows))
                {
                    Console.WriteLine($"  {100.0 * bytes / allocated,5:F1} %  {name}");
                }
            }
        }
    }

    private static IEnumerable<(string Method, string Module)> Frames(TraceCallStack? stack)
    {
        for (; stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            yield return (address.FullMethodName ?? "", address.ModuleName ?? "");
        }
    }

    private const string NoFrame = "(no CallCenter frame)";

    /// <summary>The innermost CallCenter method on a stack, if any.</summary>
    private static string? Ours(IEnumerable<(string Method, string Module)> frames) =>
        frames.FirstOrDefault(f => f.Method.StartsWith("CallCenter.", StringComparison.Ordinal)).Method;

    /// <summary>"CallCenter.Seats.SeatGrain+&lt;Save&gt;d__12.MoveNext()" → "CallCenter.Seats.SeatGrain"; no method, no frame.</summary>
    private static string ClassOf(string? method)
    {
        if (method is null)
        {
            return NoFrame;
        }

        var name = method.Split('(')[0];
        name = name[..Math.Max(0, name.LastIndexOf('.'))];
        var nested = name.IndexOf('+');
        return nested > 0 ? name[..nested] : name;
    }

    private static void Count<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Print(string title, Dictionary<string, int> counts, int busy, int rows)
    {
        Console.WriteLine($"by {title}:");
        foreach (var (name, count) in counts.OrderByDescending(c => c.Value).Take(rows))
        {
            Console.WriteLine($"  {100.0 * count / Math.Max(1, busy),5:F1} %  {name}");
        }
    }
}
