using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Routing;
using HdrHistogram;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.LoadTests;

/// <summary>
/// The softswitch and its adapter of the offer benchmark, in a process of their own: posts calls on an open-loop
/// schedule, answers each offer that reaches /hubs/cti and hangs up at once, over HTTP (one request per event) or over
/// the hub connection. The baseline, from this process at the same rate, is GET /healthz. Reads "run" on stdin and
/// answers with one JSON line.
/// </summary>
public static class SoftswitchDriver
{
    public sealed record Report(
        int Calls, int Offered, int Refused, int NeverOffered, int CycleErrors, double Seconds,
        double BaselineP50, double BaselineP99, double BaselineMax, double OfferP50, double OfferP99, double OfferP999, double OfferMax, double CpuSeconds,
        double?[] WindowP50, double?[] WindowP99, Stages Stages, OfferSpans Spans);

    /// <summary>
    /// Every measured offer as posted (Stopwatch ticks) and how long it took (µs). Stopwatch ticks are the machine's
    /// monotonic clock on Linux, so the host's process can lay them beside what it saw at the same moments.
    /// </summary>
    public sealed record OfferSpans(long[] Posted, long[] Micros);

    /// <summary>
    /// Where an offer's time goes, from the command's own stamp (taken by the queue as it sends the offer, on the same
    /// machine's clock): posted → the call accepted (the arrival answered: call and queue written), posted → the queue
    /// sending the offer (seat reserved, call marked), and the queue sending it → the adapter holding it (command bus,
    /// this host's relay, the hub). Each as p50 / p99 / p99.9 in ms.
    /// </summary>
    public sealed record Stages(double[] Accepted, double[] ToSending, double[] SendingToAdapter);

    public sealed record WarmUp(int Calls, int NeverOffered, int Refused, int CycleErrors);

    /// <summary>A backlog's calls posted (and how many the host refused); then, once seats come free, how long until the last was offered.</summary>
    public sealed record Backlog(int Calls, int Refused, double DrainSeconds, int NeverOffered);

    /// <summary>Offers are also measured per window of this many seconds of posting: a slow drift shows as rising windows.</summary>
    private const int WindowSeconds = 10;

    // Seconds runs from the first call posted to the last offer (a drain given up on is not counted); CpuSeconds is this
    // process's CPU from the first call to the report, drain included. Neither counts the baseline before the calls.

    public static async Task Run(string[] args)
    {
        var (address, apiKey, rate, seconds, overHub) = (new Uri(args[0]), args[1], double.Parse(args[2]), int.Parse(args[3]), args[4] == "hub");
        using var http = new HttpClient { BaseAddress = address };
        using var softswitch = new HttpClient { BaseAddress = address };
        softswitch.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var posted = new ConcurrentDictionary<string, (long Start, DateTimeOffset At, int Window)>();
        var offer = Histogram();
        var (accepted, toSending, sendingToAdapter) = (Histogram(), Histogram(), Histogram());
        var windows = Enumerable.Range(0, (seconds + WindowSeconds - 1) / WindowSeconds).Select(_ => Histogram()).ToArray();
        var (offers, cycleErrors) = (0, 0);
        var (spanPosted, spanMicros) = (new List<long>(), new List<long>());
        await using var adapter = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/cti"), o => o.Headers["X-Api-Key"] = apiKey)
            .Build();
        adapter.On<CtiCommand>("Command", command =>
        {
            if (command.Kind != CtiCommandKinds.Offer || !posted.TryRemove(command.CallId, out var call))
            {
                return;
            }

            if (call.Window >= 0)
            {
                var micros = Micros(call.Start);
                var now = DateTimeOffset.UtcNow;
                lock (offer)
                {
                    offer.RecordValue(micros);
                    windows[call.Window].RecordValue(micros);
                    spanPosted.Add(call.Start);
                    spanMicros.Add(micros);
                    toSending.RecordValue(Math.Max(0, (long)(command.At - call.At).TotalMicroseconds));
                    sendingToAdapter.RecordValue(Math.Max(0, (long)(now - command.At).TotalMicroseconds));
                }

                Interlocked.Increment(ref offers);
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    if (overHub)
                    {
                        await adapter.InvokeAsync<string>("CallAnswered", command.CallId, command.SeatId);
                        await adapter.InvokeAsync<string>("CallEnded", command.CallId);
                    }
                    else
                    {
                        (await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{command.CallId}/answered", new { seatId = command.SeatId })).EnsureSuccessStatusCode();
                        (await softswitch.PostAsync($"/api/v1/cti/calls/{command.CallId}/ended", null)).EnsureSuccessStatusCode();
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref cycleErrors);
                }
            });
        });
        await adapter.StartAsync();
        async Task<bool> Post(string callId)
        {
            if (overHub)
            {
                await adapter.InvokeAsync<string>("CallArrived", new { callId, caller = "13800000000", queue = "load" });
                return true;
            }

            return (await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13800000000", queue = "load" })).StatusCode == HttpStatusCode.Accepted;
        }

        // Posts calls on the open-loop schedule, each offer to be measured in the given window (or not, below 0); returns
        // how many the host refused.
        async Task<int> PostCalls(string prefix, int forSeconds, Func<int, int> window)
        {
            var refusals = 0;
            await OpenLoop(rate, forSeconds, async n =>
            {
                var (callId, measured) = ($"{prefix}-{n}", window(n));
                var start = Stopwatch.GetTimestamp();
                posted[callId] = (start, DateTimeOffset.UtcNow, measured);
                try
                {
                    if (!await Post(callId))
                    {
                        Interlocked.Increment(ref refusals);
                    }
                    else if (measured >= 0)
                    {
                        lock (offer)
                        {
                            accepted.RecordValue(Micros(start));
                        }
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref refusals);
                }
            });
            return refusals;
        }

        // Waits for the offers still outstanding, up to the limit (30 s unless given); returns how long it waited.
        async Task<TimeSpan> Drain(TimeSpan? limit = null)
        {
            var drain = Stopwatch.StartNew();
            while (!posted.IsEmpty && drain.Elapsed < (limit ?? TimeSpan.FromSeconds(30)))
            {
                await Task.Delay(100);
            }

            return drain.Elapsed;
        }

        Console.WriteLine("connected");
        var line = Console.ReadLine();
        if (line?.StartsWith("warm ", StringComparison.Ordinal) == true)
        {
            // Calls at the same rate that are not measured: the host's code is compiled and its caches are full before
            // the measured calls begin, as on a host that has been serving for a while.
            var warmSeconds = int.Parse(line[5..]);
            var warmErrors = await PostCalls("warm", warmSeconds, _ => -1);
            await Drain();
            Console.WriteLine(JsonSerializer.Serialize(new WarmUp((int)(rate * warmSeconds), posted.Count, warmErrors, cycleErrors)));
            posted.Clear();
            line = Console.ReadLine();
        }

        if (line?.StartsWith("backlog ", StringComparison.Ordinal) == true)
        {
            // Calls that wait while no seat is free (not measured): posted at the same rate, then, once the harness
            // says the seats are coming free ("drain"), the time until the last of them is offered.
            var backlog = int.Parse(line[8..]);
            var backlogRefused = await PostCalls("backlog", (int)Math.Ceiling(backlog / rate), _ => -1);
            Console.WriteLine(JsonSerializer.Serialize(new Backlog((int)(rate * Math.Ceiling(backlog / rate)), backlogRefused, 0, 0)));
            if (Console.ReadLine() != "drain")
            {
                return;
            }

            var backlogDrain = await Drain(TimeSpan.FromMinutes(5));
            Console.WriteLine(JsonSerializer.Serialize(new Backlog(0, 0, backlogDrain.TotalSeconds, posted.Count)));
            posted.Clear();
            line = Console.ReadLine();
        }

        if (line != "run")
        {
            return;
        }

        var baseline = Histogram();
        await OpenLoop(rate, Math.Min(seconds, 10), async _ =>
        {
            var start = Stopwatch.GetTimestamp();
            (await http.GetAsync("/healthz")).EnsureSuccessStatusCode();
            lock (baseline)
            {
                baseline.RecordValue(Micros(start));
            }
        });

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var refused = await PostCalls("load", seconds, n => (int)(n / rate) / WindowSeconds);
        var drained = await Drain();
        var elapsed = clock.Elapsed.TotalSeconds - (posted.IsEmpty ? 0 : drained.TotalSeconds);
        OfferSpans spans;
        lock (offer)
        {
            spans = new OfferSpans([.. spanPosted], [.. spanMicros]);
        }

        Console.WriteLine(JsonSerializer.Serialize(new Report(
            (int)(rate * seconds), offers, refused, posted.Count, cycleErrors, elapsed,
            Ms(baseline, 50), Ms(baseline, 99), baseline.GetMaxValue() / 1000.0,
            Ms(offer, 50), Ms(offer, 99), Ms(offer, 99.9), offer.GetMaxValue() / 1000.0,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            [.. windows.Select(w => Window(w, 50))], [.. windows.Select(w => Window(w, 99))],
            new Stages(Spread(accepted), Spread(toSending), Spread(sendingToAdapter)),
            spans)));
    }

    /// <summary>Open loop: requests start on schedule whether or not earlier ones have finished.</summary>
    internal static async Task OpenLoop(double perSecond, int seconds, Func<int, Task> send)
    {
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var total = (int)(perSecond * seconds);
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            // Read the clock once: read twice, the wait could turn negative between the check and the delay, and
            // Task.Delay throws for that (the driver then died mid-run without a report).
            var wait = interval * n - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            running.Add(send(n));
        }

        await Task.WhenAll(running);
    }

    /// <summary>Microseconds up to five minutes, to three significant digits.</summary>
    internal static LongHistogram Histogram() => new(TimeSpan.FromMinutes(5).Ticks / 10, 3);

    internal static double[] Spread(LongHistogram h) => [Ms(h, 50), Ms(h, 99), Ms(h, 99.9)];

    private static long Micros(long start) => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;

    /// <summary>A window's percentile, or none when no offer of its calls arrived (past the knee, or a drain given up on).</summary>
    private static double? Window(LongHistogram h, double percentile) => h.TotalCount == 0 ? null : Ms(h, percentile);

    private static double Ms(LongHistogram h, double percentile) => Math.Round(h.GetValueAtPercentile(percentile) / 1000.0, 1);
}
