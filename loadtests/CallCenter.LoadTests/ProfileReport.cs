using Microsoft.Diagnostics.Tracing.Etlx;

namespace CallCenter.LoadTests;

/// <summary>
/// Where a host's CPU went, from a trace taken during a run with
/// <c>dotnet-trace collect -p PID --profile dotnet-sampled-thread-time --duration 00:00:00:10 -o run.nettrace</c>.
/// The sampler records every thread, running or not; a sample whose innermost frames are a wait (thread pool, monitor,
/// wait handle, epoll) is idle and left out; a thread held for a garbage collection (PollGC) counts, as time lost.
/// Each sample on CPU is given to the innermost CallCenter class on its stack (or "no CallCenter frame") and,
/// separately, to the assembly and the method of its innermost frame (native frames are not named: their managed caller).
///   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- profile run.nettrace [rows=25]
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
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var (all, idle) = (0, 0);
        var byClass = new Dictionary<string, int>();
        var byAssembly = new Dictionary<string, int>();
        var byMethod = new Dictionary<string, int>();
        foreach (var sample in log.Events)
        {
            if (sample.ProviderName != "Microsoft-DotNETCore-SampleProfiler" || sample.CallStack() is not { } stack)
            {
                continue;
            }

            all++;
            var frames = Frames(stack).Where(f => f.Module.Length > 0).ToList(); // native frames are not named in these traces
            if (frames.Take(3).Any(f => Waits.Any(w => f.Method.Contains(w, StringComparison.Ordinal))))
            {
                idle++;
                continue;
            }

            var ours = frames.FirstOrDefault(f => f.Method.StartsWith("CallCenter.", StringComparison.Ordinal)).Method;
            Count(byClass, ours is null ? "(no CallCenter frame)" : ClassOf(ours));
            Count(byAssembly, frames.Count > 0 ? frames[0].Module : "(unknown)");
            Count(byMethod, frames.Count > 0 ? frames[0].Method : "(unknown)");
        }

        var busy = all - idle;
        Console.WriteLine($"{path}: {all} samples, {idle} idle (waiting), {busy} on CPU");
        Print("innermost CallCenter class on the stack", byClass, busy, rows);
        Print("assembly of the innermost frame", byAssembly, busy, rows);
        Print("innermost method", byMethod, busy, rows);
    }

    private static IEnumerable<(string Method, string Module)> Frames(TraceCallStack? stack)
    {
        for (; stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            yield return (address.FullMethodName ?? "", address.ModuleName ?? "");
        }
    }

    /// <summary>"CallCenter.Seats.SeatGrain+&lt;Save&gt;d__12.MoveNext()" → "CallCenter.Seats.SeatGrain".</summary>
    private static string ClassOf(string method)
    {
        var name = method.Split('(')[0];
        name = name[..Math.Max(0, name.LastIndexOf('.'))];
        var nested = name.IndexOf('+');
        return nested > 0 ? name[..nested] : name;
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static void Print(string title, Dictionary<string, int> counts, int busy, int rows)
    {
        Console.WriteLine($"by {title}:");
        foreach (var (name, count) in counts.OrderByDescending(c => c.Value).Take(rows))
        {
            Console.WriteLine($"  {100.0 * count / Math.Max(1, busy),5:F1} %  {name}");
        }
    }
}
