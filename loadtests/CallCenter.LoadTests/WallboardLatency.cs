using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Serialization;
using CallCenter.Host;
using CallCenter.Monitoring;
using CallCenter.Seats;
using HdrHistogram;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.LoadTests;

/// <summary>
/// Wallboard fan-out: M seats change state at R events/s (open loop) through the seat grains; N supervisor clients on
/// /hubs/monitor, in a second process, record for every seat tile they receive the time since the change was
/// scheduled. The baseline in the same run sends the same kind of batches (50 ms windows) straight from IHubContext,
/// with no Orleans.
///   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- wallboard [events/s=1000] [seconds=20] [seats=500] [clients=500]
/// </summary>
public static class WallboardLatency
{
    public static async Task Run(string[] args)
    {
        var rate = args.Length > 0 ? double.Parse(args[0]) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 20;
        var seatCount = args.Length > 2 ? int.Parse(args[2]) : 500;
        var clientCount = args.Length > 3 ? int.Parse(args[3]) : 500;

        await using var host = await LoadHost.Start();
        var grains = host.App.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<CallCenter.Routing.IQueueGrain>("bench").Define(new("bench", CallCenter.Routing.RoutingStrategy.LongestIdle, 20, 20, null));
        var seats = Enumerable.Range(0, seatCount).Select(i => $"B{i:000}").ToArray();
        await Parallel.ForEachAsync(seats, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            await grains.GetGrain<ISeatGrain>(id).Define(new SeatDefinition(id, "纳税服务科", false, [new SeatSkill("bench", 3)]));
            await grains.GetGrain<ISeatGrain>(id).Login("agent-" + id);
        });

        var token = await host.Token("supervisor");
        await using var wall = await ClientProcess.Start(host.Address, token, clientCount);
        await Task.Delay(2000);
        Func<int, Task> change = n =>
        {
            var ready = WallboardSchedule.StateOf(n, seatCount) == SeatState.Ready;
            return grains.GetGrain<ISeatGrain>(seats[n % seatCount]).ChangeState(ready ? SeatState.Ready : SeatState.NotReady, ready ? null : NotReadyReasons.Break);
        };

        // Five seconds unmeasured first, so the JIT, the activations and the connections' buffers are warm.
        // Whole pairs of rounds over the seats, so every seat ends as it started (NotReady) and the measured run's first change is a real one.
        await Measure("warm-up", wall, "B", rate, 5, seatCount, clientCount, change, events: 2 * seatCount * (int)Math.Ceiling(rate * 5 / (2.0 * seatCount)));
        var orleans = await Measure("orleans", wall, "B", rate, seconds, seatCount, clientCount, change);

        var hub = host.App.Services.GetRequiredService<IHubContext<MonitorHub, IMonitorClient>>();
        var pending = new ConcurrentQueue<SeatTile>();
        var template = MonitorTilesForBaseline.Seat("X000");
        using var flusher = new CancellationTokenSource();
        var version = 0L;
        var flushing = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
            while (await timer.WaitForNextTickAsync(flusher.Token).AsTask().ContinueWith(t => !t.IsCanceled))
            {
                var batch = new List<SeatTile>();
                while (pending.TryDequeue(out var tile))
                {
                    batch.Add(tile);
                }

                if (batch.Count > 0)
                {
                    await hub.Clients.Group(MonitorHub.Everyone).Batch(new MonitorBatch("baseline", ++version, batch, [], []));
                }
            }
        });
        var baseline = await Measure("baseline", wall, "X", rate, seconds, seatCount, clientCount, n =>
        {
            pending.Enqueue(template with { SeatId = $"X{n % seatCount:000}", State = WallboardSchedule.StateOf(n, seatCount), Since = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        });
        flusher.Cancel();
        await flushing;

        Console.WriteLine($"wallboard: {rate} events/s for {seconds} s, {seatCount} seats, {clientCount} supervisor clients in a second process, {Environment.ProcessorCount} cores");
        Report(orleans);
        Report(baseline);
        if (orleans.Received > 0 && baseline.Received > 0)
        {
            Console.WriteLine($"ratio orleans/baseline: p99 {orleans.Latency.P99 / Math.Max(0.001, baseline.Latency.P99):F2}x, " +
                              $"throughput {orleans.Throughput / Math.Max(1, baseline.Throughput):F2}x");
        }
    }

    private static async Task<Result> Measure(string name, ClientProcess wall, string prefix, double rate, int seconds, int seats, int clients, Func<int, Task> send, int? events = null)
    {
        // The plan starts a moment ahead, so the client process has it before the first change.
        var plan = new WallboardSchedule(prefix, Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5, rate, seats);
        await wall.Send($"run {prefix} {plan.Start} {rate.ToString(System.Globalization.CultureInfo.InvariantCulture)} {seats}");
        var total = events ?? (int)(rate * seconds);
        var running = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), plan.IntendedAt(n));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            running.Add(send(n));
        }

        await Task.WhenAll(running);
        var expected = (long)total * clients;
        var quiet = Stopwatch.StartNew();
        var report = await wall.Report();
        while (report.Received < expected && quiet.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(200);
            var next = await wall.Report();
            if (next.Received != report.Received)
            {
                quiet.Restart();
            }

            report = next;
        }

        var elapsed = Math.Max(0.001, Stopwatch.GetElapsedTime(plan.Start, Math.Max(plan.Start, report.LastReceipt)).TotalSeconds);
        return new Result(name, total, expected, report.Received, report.Received / elapsed, report);
    }

    private static void Report(Result r)
    {
        if (r.Received == 0)
        {
            Console.WriteLine($"{r.Name,-9} events {r.Events}, receipts 0/{r.Expected}: nothing arrived");
            return;
        }

        Console.WriteLine($"{r.Name,-9} events {r.Events}, receipts {r.Received}/{r.Expected} ({100.0 * r.Received / r.Expected:F1}%), throughput {r.Throughput:F0} receipts/s; " +
                          $"latency p50 {r.Latency.P50:F1} ms, p99 {r.Latency.P99:F1} ms, p99.9 {r.Latency.P999:F1} ms, max {r.Latency.Max:F1} ms");
    }

    private sealed record Result(string Name, int Events, long Expected, long Received, double Throughput, WallboardClients.Report Latency);
}

internal static class MonitorTilesForBaseline
{
    public static SeatTile Seat(string id) => new(
        id, id, "纳税服务科", false, "agent-" + id, SeatState.Ready, null, DateTimeOffset.UtcNow, null, null, true,
        new SeatCounters(DateOnly.FromDateTime(DateTime.UtcNow), 0, 0, 0, new Dictionary<string, double>()), ["bench"]);
}
