using System.Diagnostics;
using System.Net.Http.Json;
using CallCenter.Reporting;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.LoadTests;

// Audit append cost as the day fills up: supervisors' messages to a seat (each one audit line) from 8 clients, closed
// loop, first with 1,000 lines already in today's trail, then with 50,000; the ratio of the two throughputs says
// whether a line's cost grows with the day.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- audit [seconds=15] [clients=8] [small=1000] [large=50000]
public static class AuditAppend
{
    public static async Task Run(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0]) : 15;
        var clients = args.Length > 1 ? int.Parse(args[1]) : 8;
        var small = args.Length > 2 ? int.Parse(args[2]) : 1_000;
        var large = args.Length > 3 ? int.Parse(args[3]) : 50_000;
        await using var host = await LoadHost.Start("--CallCenter:Dashboard=false");
        var admin = await host.Client("admin");
        (await admin.PutAsJsonAsync("/api/v1/queues/audit", new { name = "audit" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/seats/A1", new { name = "A1", department = "load", skills = new[] { new { queue = "audit", level = 3 } } })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/seats/A1/login", new { agent = "agent1" })).EnsureSuccessStatusCode();
        var trail = host.App.Services.GetRequiredService<IAuditTrail>();
        var clock = host.App.Services.GetRequiredService<CallCenterClock>();

        await Measure(host, trail, clock, 0, 3, clients); // warm-up (JIT, connection pools), not reported
        var first = await Measure(host, trail, clock, small, seconds, clients);
        var second = await Measure(host, trail, clock, large, seconds, clients);
        Console.WriteLine($"{clients} clients, {seconds} s each, one audit line per request (POST /seats/A1/message)");
        Console.WriteLine($"with {first.Before,7:N0} lines in the day: {first.PerSecond,7:F1} requests/s, p50 {first.P50:F1} ms, p99 {first.P99:F1} ms");
        Console.WriteLine($"with {second.Before,7:N0} lines in the day: {second.PerSecond,7:F1} requests/s, p50 {second.P50:F1} ms, p99 {second.P99:F1} ms");
        Console.WriteLine($"throughput ratio (large/small day): {second.PerSecond / first.PerSecond:F2}x");
    }

    private static async Task<(int Before, double PerSecond, double P50, double P99)> Measure(LoadHost host, IAuditTrail trail, CallCenterClock clock, int fillTo, int seconds, int clients)
    {
        // Fill today's trail to the wanted size, in batches, through the same writer.
        var have = (await trail.Entries(clock.Today)).Count;
        for (var start = have; start < fillTo; start += 2_000)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(2_000, fillTo - start))
                .Select(i => trail.Append(clock.Today, new AuditEntry(clock.Now, "load", "filler", $"F{i}", "filler line"))));
        }

        var before = (await trail.Entries(clock.Today)).Count;
        var histogram = new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3);
        var supervisor = await host.Client("supervisor");
        supervisor.DefaultRequestHeaders.Add("X-CallCenter-Request", "load");
        var done = 0;
        var clock2 = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            while (clock2.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                var start = Stopwatch.GetTimestamp();
                (await supervisor.PostAsJsonAsync("/api/v1/seats/A1/message", new { text = $"请注意服务用语 {c}" })).EnsureSuccessStatusCode();
                var micros = (long)Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                lock (histogram)
                {
                    histogram.RecordValue(micros);
                    done++;
                }
            }
        }));
        return (before, done / clock2.Elapsed.TotalSeconds, histogram.GetValueAtPercentile(50) / 1000.0, histogram.GetValueAtPercentile(99) / 1000.0);
    }
}
