using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CallCenter.Host;
using CallCenter.Routing;
using HdrHistogram;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.LoadTests;

// Offer latency under open-loop load: a call posted by the softswitch until the "offer" command reaches the
// softswitch adapter on /hubs/cti, with seats answering at once and returning to Ready. The baseline, measured in
// the same run at the same rate, is a plain GET /healthz: the ratio says what routing costs over the bare host.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- offers [callsPerSecond=50] [seconds=20] [seats=40]
public static class OfferLatency
{
    public static async Task Run(string[] args)
    {
        var rate = args.Length > 0 ? double.Parse(args[0]) : 50;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 20;
        var seatCount = args.Length > 2 ? int.Parse(args[2]) : 40;
        await using var host = await LoadHost.Start("--CallCenter:Seats:WrapUpSeconds=0");
        var address = host.Address;
        var http = new HttpClient { BaseAddress = address };
        var admin = await host.Client("admin");
        var softswitch = new HttpClient { BaseAddress = address };
        softswitch.DefaultRequestHeaders.Add("X-Api-Key", LoadHost.ApiKey);

        (await admin.PutAsJsonAsync("/api/v1/queues/load", new { name = "load", ringTimeoutSeconds = 30 })).EnsureSuccessStatusCode();
        for (var i = 0; i < seatCount; i++)
        {
            (await admin.PutAsJsonAsync($"/api/v1/seats/L{i}", new { name = $"L{i}", department = "load", skills = new[] { new { queue = "load", level = 3 } } })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/v1/seats/L{i}/login", new { agent = $"load{i}" })).EnsureSuccessStatusCode();
            (await admin.PostAsJsonAsync($"/api/v1/seats/L{i}/state", new { state = "Ready" })).EnsureSuccessStatusCode();
        }

        var posted = new ConcurrentDictionary<string, long>();
        var offer = new LongHistogram(TimeSpan.FromMinutes(5).Ticks / 10, 3);
        var offers = 0;
        await using var adapter = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/cti"), o => o.Headers["X-Api-Key"] = LoadHost.ApiKey)
            .Build();
        adapter.On<CtiCommand>("Command", command =>
        {
            if (command.Kind != CtiCommandKinds.Offer || !posted.TryRemove(command.CallId, out var start))
            {
                return;
            }

            lock (offer)
            {
                offer.RecordValue(Micros(start));
            }

            Interlocked.Increment(ref offers);
            _ = Task.Run(async () =>
            {
                await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{command.CallId}/answered", new { seatId = command.SeatId });
                await softswitch.PostAsync($"/api/v1/cti/calls/{command.CallId}/ended", null);
                await admin.PostAsJsonAsync($"/api/v1/seats/{command.SeatId}/state", new { state = "Ready" });
            });
        });
        await adapter.StartAsync();

        var baseline = new LongHistogram(TimeSpan.FromMinutes(5).Ticks / 10, 3);
        await OpenLoop(rate, seconds, async _ =>
        {
            var start = Stopwatch.GetTimestamp();
            (await http.GetAsync("/healthz")).EnsureSuccessStatusCode();
            lock (baseline)
            {
                baseline.RecordValue(Micros(start));
            }
        });

        var failures = 0;
        await OpenLoop(rate, seconds, async n =>
        {
            var callId = $"load-{n}";
            posted[callId] = Stopwatch.GetTimestamp();
            var response = await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId, caller = "13800000000", queue = "load" });
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var drain = Stopwatch.StartNew();
        while (!posted.IsEmpty && drain.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        Console.WriteLine($"open loop at {rate}/s for {seconds}s, {seatCount} seats; calls offered {offers}, refused {failures}, never offered {posted.Count}");
        Console.WriteLine($"baseline GET /healthz   p50 {Ms(baseline, 50)} ms  p99 {Ms(baseline, 99)} ms  max {baseline.GetMaxValue() / 1000.0:F1} ms");
        Console.WriteLine($"call posted → offer     p50 {Ms(offer, 50)} ms  p99 {Ms(offer, 99)} ms  max {offer.GetMaxValue() / 1000.0:F1} ms");
        Console.WriteLine($"ratio offer/baseline    p50 {Ratio(offer, baseline, 50)}x  p99 {Ratio(offer, baseline, 99)}x");

        static async Task OpenLoop(double perSecond, int seconds, Func<int, Task> send)
        {
            // Open loop: requests start on schedule whether or not earlier ones have finished.
            var interval = TimeSpan.FromSeconds(1 / perSecond);
            var total = (int)(perSecond * seconds);
            var clock = Stopwatch.StartNew();
            var running = new List<Task>(total);
            for (var n = 0; n < total; n++)
            {
                var due = interval * n;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }

                running.Add(send(n));
            }

            await Task.WhenAll(running);
        }

        static long Micros(long start) => (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;

        static string Ms(LongHistogram h, double percentile) => (h.GetValueAtPercentile(percentile) / 1000.0).ToString("F1");

        static string Ratio(LongHistogram a, LongHistogram b, double percentile) =>
    (a.GetValueAtPercentile(percentile) / (double)Math.Max(1, b.GetValueAtPercentile(percentile))).ToString("F1");

    }
}
