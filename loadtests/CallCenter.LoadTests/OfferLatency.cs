using System.Diagnostics;
using System.Net.Http.Json;

namespace CallCenter.LoadTests;

// Full ACD call cycles under open-loop load: the softswitch (a second process) posts a call, its adapter answers the
// offer that reaches /hubs/cti and hangs up at once; with no wrap-up time the seat is Ready again at hang-up. Measured:
// call posted → offer on /hubs/cti, against GET /healthz from the same process at the same rate; the durable writes of
// one cycle, the host's CPU, and what work in the host waits for (the thread pool's queue, GC pauses: HostStalls).
// Events go one HTTP request each ("http") or over the hub connection ("hub"). The offer's time is also split where the
// command's own stamp (the queue sending it) falls: before it, and after it.
// With warm-up seconds, calls at the same rate run first and are not measured (the host's code compiled, as on a host
// that has been serving for a while); without, the first seconds measure a cold host. With a backlog, that many calls
// are then posted at the same rate while every seat is NotReady, and the time from the seats' coming Ready again until
// the last of them is offered is reported (how a queue works off calls that piled up), before the measured calls.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- offers [callsPerSecond=50] [seconds=20] [seats=40] [http|hub] [warmUpSeconds=0] [backlog=0]
public static class OfferLatency
{
    public static async Task Run(string[] args)
    {
        var rate = args.Length > 0 ? double.Parse(args[0]) : 50;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 20;
        var seatCount = args.Length > 2 ? int.Parse(args[2]) : 40;
        var channel = args.Length > 3 ? args[3] : "http";
        var warmSeconds = args.Length > 4 ? int.Parse(args[4]) : 0;
        var backlog = args.Length > 5 ? int.Parse(args[5]) : 0;
        await using var host = await LoadHost.Start("--CallCenter:Seats:WrapUpSeconds=0", "--CallCenter:Dashboard=false");
        var admin = await host.Client("admin");
        (await admin.PutAsJsonAsync("/api/v1/queues/load", new { name = "load", ringTimeoutSeconds = 30 })).EnsureSuccessStatusCode();
        for (var i = 0; i < seatCount; i++)
        {
            (await admin.PutAsJsonAsync($"/api/v1/seats/L{i}", new { name = $"L{i}", department = "load", skills = new[] { new { queue = "load", level = 3 } } })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/v1/seats/L{i}/login", new { agent = $"load{i}" })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/v1/seats/L{i}/state", new { state = "Ready" })).EnsureSuccessStatusCode();
        }

        await using var driver = await ClientProcess.Start("softswitch", host.Address.ToString(), LoadHost.ApiKey, rate.ToString(), seconds.ToString(), channel);
        if (warmSeconds > 0)
        {
            var warm = await driver.Ask<SoftswitchDriver.WarmUp>($"warm {warmSeconds}");
            Console.WriteLine($"warm-up                 {warm.Calls} calls at {rate}/s, not measured: never offered {warm.NeverOffered}, refused {warm.Refused}, cycle errors {warm.CycleErrors}");
        }

        if (backlog > 0)
        {
            await SetSeats(admin, seatCount, "NotReady");
            var posted = await driver.Ask<SoftswitchDriver.Backlog>($"backlog {backlog}");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (collections, full, paused) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            await driver.Send("drain");
            var ready = Stopwatch.StartNew();
            await SetSeats(admin, seatCount, "Ready");
            var seatsReady = ready.Elapsed.TotalSeconds;
            var drained = await driver.Read<SoftswitchDriver.Backlog>("drain");
            var drainCores = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / Math.Max(0.001, drained.DrainSeconds);
            Console.WriteLine($"backlog                 {posted.Calls} calls waiting with every seat NotReady (refused {posted.Refused}); seats Ready again in {seatsReady:F1} s; " +
                $"the last offered {drained.DrainSeconds:F1} s after the first seat came Ready ({posted.Calls / Math.Max(0.001, drained.DrainSeconds):F0} calls/s, never offered {drained.NeverOffered}, host {drainCores:F2} cores, " +
                $"{GC.CollectionCount(0) - collections} collections of which {GC.CollectionCount(2) - full} full, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F1} s)");
        }

        using var writes = new StorageWrites();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var perSecond = SampleCpu(sampling.Token);
        using var stalls = new HostStalls();
        var r = await driver.Ask<SoftswitchDriver.Report>("run");
        var waits = stalls.Report();
        var cores = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / wall.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        var busiest = (await perSecond).OrderDescending().Take(Math.Max(1, (int)r.Seconds)).DefaultIfEmpty().Average();
        var driverCores = r.CpuSeconds / Math.Max(0.001, r.Seconds);

        Console.WriteLine($"open loop at {rate}/s for {seconds}s, {seatCount} seats, events over {channel}: {r.Calls} calls, offered {r.Offered}, refused {r.Refused}, never offered {r.NeverOffered}, cycle errors {r.CycleErrors}");
        Console.WriteLine($"baseline GET /healthz   p50 {r.BaselineP50} ms  p99 {r.BaselineP99} ms  max {r.BaselineMax:F1} ms");
        Console.WriteLine($"call posted → offer     p50 {r.OfferP50} ms  p99 {r.OfferP99} ms  p99.9 {r.OfferP999} ms  max {r.OfferMax:F1} ms");
        Console.WriteLine($"offer by 10 s window    p50 {string.Join(" / ", r.WindowP50.Select(Shown))} ms; p99 {string.Join(" / ", r.WindowP99.Select(Shown))} ms");
        Console.WriteLine($"  posted → accepted     {Spread(r.Stages.Accepted)} (call and queue written)");
        Console.WriteLine($"  posted → offer sent   {Spread(r.Stages.ToSending)} (the queue sends it: seat reserved, call marked)");
        Console.WriteLine($"  offer sent → adapter  {Spread(r.Stages.SendingToAdapter)} (command bus, relay, hub)");
        Console.WriteLine($"ratio offer/baseline    p50 {r.OfferP50 / Math.Max(0.1, r.BaselineP50):F1}x  p99 {r.OfferP99 / Math.Max(0.1, r.BaselineP99):F1}x");
        Console.WriteLine($"durable writes          {writes.Report(r.Offered)}");
        Console.WriteLine($"host {waits}");
        Console.WriteLine($"offers and pool stalls  {BesideStalls(r.Spans, stalls.Stalls(StallAtLeast))}");
        Console.WriteLine($"host CPU                {cores:F2} cores on average over {wall.Elapsed.TotalSeconds:F0} s (baseline, calls and drain), {busiest:F2} over its busiest {r.Seconds:F0} s; softswitch process {driverCores:F2} cores during the calls");
    }

    /// <summary>A stretch in which the host's pool ran none of its probes for this long counts as a stall.</summary>
    private static readonly TimeSpan StallAtLeast = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// How much of the offers' tail the host's pool stalls explain: the offers in flight while one lasted, against the
    /// rest. Both processes read the same monotonic clock, so the softswitch's posting times and the host's probes line up.
    /// </summary>
    private static string BesideStalls(SoftswitchDriver.OfferSpans offers, IReadOnlyList<(long From, long To)> stalls)
    {
        if (offers.Posted.Length == 0)
        {
            return "no offers";
        }

        var ticksPerMicro = Stopwatch.Frequency / 1_000_000.0;
        var (during, clear) = (SoftswitchDriver.Histogram(), SoftswitchDriver.Histogram());
        var starts = stalls.Select(s => s.From).ToArray();
        for (var i = 0; i < offers.Posted.Length; i++)
        {
            var (from, to) = (offers.Posted[i], offers.Posted[i] + (long)(offers.Micros[i] * ticksPerMicro));
            var next = Array.BinarySearch(starts, to);
            next = next < 0 ? ~next : next + 1; // stalls starting at or before the offer's end
            var overlaps = next > 0 && stalls[next - 1].To >= from;
            (overlaps ? during : clear).RecordValue(Math.Max(1, offers.Micros[i]));
        }

        var (first, last) = (offers.Posted.Min(), offers.Posted.Max());
        var stalled = stalls.Sum(s => Math.Max(0, Math.Min(s.To, last) - Math.Max(s.From, first))) / (double)Math.Max(1, last - first);
        return $"the pool ran nothing for ≥ {StallAtLeast.TotalMilliseconds:F0} ms in {stalls.Count} stretches, {stalled:P1} of the calls' time; " +
               $"offers in flight during one ({during.TotalCount * 100.0 / offers.Posted.Length:F1} %): {Spread(SoftswitchDriver.Spread(during))}; the others: {Spread(SoftswitchDriver.Spread(clear))}";
    }

    /// <summary>Puts every load seat in the state, 16 requests at a time; a seat still finishing a call (409) is asked again.</summary>
    private static Task SetSeats(HttpClient admin, int seatCount, string state) =>
        Parallel.ForEachAsync(Enumerable.Range(0, seatCount), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                using var response = await admin.PostAsJsonAsync($"/api/v1/seats/L{i}/state", new { state, reason = state == "NotReady" ? "meeting" : null });
                if (response.StatusCode != System.Net.HttpStatusCode.Conflict || attempt == 50)
                {
                    response.EnsureSuccessStatusCode();
                    return;
                }

                await Task.Delay(100);
            }
        });

    internal static string Spread(double[] ms) => $"p50 {ms[0]} ms  p99 {ms[1]} ms  p99.9 {ms[2]} ms";

    private static string Shown(double? ms) => ms?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none offered";

    /// <summary>This process's CPU use, one figure (in cores) per second, until cancelled.</summary>
    private static async Task<List<double>> SampleCpu(CancellationToken stop)
    {
        var samples = new List<double>();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var last = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = Process.GetCurrentProcess().TotalProcessorTime;
                samples.Add((now - last).TotalSeconds / clock.Elapsed.TotalSeconds);
                (last, clock) = (now, Stopwatch.StartNew());
            }
        }
        catch (OperationCanceledException)
        {
        }

        return samples;
    }
}
