using System.Collections.Concurrent;
using System.Diagnostics;
using CallCenter.Host;
using CallCenter.Monitoring;
using CallCenter.Seats;
using HdrHistogram;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.LoadTests;

/// <summary>
/// Wallboard fan-out: M seats change state at R events/s (open loop) through the seat grains; N supervisor clients on
/// the wall stream (as the page) or /hubs/monitor, in a second process, record for every seat tile they receive the time since the change was
/// scheduled. Two baselines in the same run send the same kind of batches (50 ms windows, the same wire form and
/// deltas): straight from IHubContext with no Orleans, and as raw WebSocket messages with no SignalR either (the
/// physical limit of this box).
///   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- wallboard [events/s=1000] [seconds=20] [seats=500] [clients=500] [stream|stream-http|messagepack|json] [warm-up seconds=5]
/// </summary>
public static class WallboardLatency
{
    public static async Task Run(string[] args)
    {
        var rate = args.Length > 0 ? double.Parse(args[0]) : 1000;
        var seconds = args.Length > 1 ? int.Parse(args[1]) : 20;
        var seatCount = args.Length > 2 ? int.Parse(args[2]) : 500;
        var clientCount = args.Length > 3 ? int.Parse(args[3]) : 500;
        var protocol = args.Length > 4 ? args[4] : "stream";
        var warmUp = args.Length > 5 ? int.Parse(args[5]) : 5;

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
        var wall = await ClientProcess.Start("wallboard-clients", host.Address.ToString(), token, clientCount.ToString(), protocol);
        await Task.Delay(2000);
        Func<int, Task> change = n =>
        {
            var ready = WallboardSchedule.StateOf(n, seatCount) == SeatState.Ready;
            return grains.GetGrain<ISeatGrain>(seats[n % seatCount]).ChangeState(ready ? SeatState.Ready : SeatState.NotReady, ready ? null : NotReadyReasons.Break);
        };

        // Some seconds unmeasured first (each path alike), so the JIT, the activations and the connections' buffers are warm.
        // Whole pairs of rounds over the seats, so every seat ends as it started (NotReady) and the measured run's first change is a real one.
        await Measure("warm-up", wall, "B", rate, warmUp, seatCount, clientCount, change, events: 2 * seatCount * (int)Math.Ceiling(rate * warmUp / (2.0 * seatCount)));
        using var stages = new WallStages();
        stages.Start();
        var orleans = await Measure("orleans", wall, "B", rate, seconds, seatCount, clientCount, change);
        stages.Stop();

        var hub = host.App.Services.GetRequiredService<IHubContext<MonitorHub, IMonitorClient>>();
        var json = host.App.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;
        if (protocol.StartsWith("stream", StringComparison.Ordinal))
        {
            // The IHubContext baseline needs hub clients: MessagePack ones, warmed as the measured path was.
            await wall.DisposeAsync();
            wall = await ClientProcess.Start("wallboard-clients", host.Address.ToString(), token, clientCount.ToString(), "messagepack");
            await Task.Delay(2000);
            await Baseline("baseline-warm", wall, rate, warmUp, seatCount, clientCount, json, batch => hub.Clients.Group(MonitorHub.Everyone).Batch(batch));
        }

        var baseline = await Baseline("baseline", wall, rate, seconds, seatCount, clientCount, json,
            batch => hub.Clients.Group(MonitorHub.Everyone).Batch(batch));
        await wall.DisposeAsync();

        await using var raw = await RawWall.Start();
        await using var rawClients = await ClientProcess.Start("wallboard-clients", raw.Address.ToString(), "-", clientCount.ToString(), "raw");
        await Baseline("raw-warm", rawClients, rate, warmUp, seatCount, clientCount, json, raw.Broadcast); // warm, as the hub paths were
        var physical = await Baseline("raw-ws", rawClients, rate, seconds, seatCount, clientCount, json, raw.Broadcast);

        Console.WriteLine($"wallboard: {rate} events/s for {seconds} s, {seatCount} seats, {clientCount} supervisor clients ({protocol}; the IHubContext baseline's over MessagePack) in a second process, {Environment.ProcessorCount} cores");
        Report(orleans);
        Console.WriteLine($"  orleans stages: {stages.Report()}");
        Report(baseline);
        Report(physical);
        Ratio("orleans/baseline", orleans, baseline);
        Ratio("orleans/raw-ws", orleans, physical);
        Ratio("baseline/raw-ws", baseline, physical);
    }

    private static void Ratio(string name, Result a, Result b)
    {
        if (a.Received > 0 && b.Received > 0)
        {
            Console.WriteLine($"ratio {name}: p99 {a.Latency.P99 / Math.Max(0.001, b.Latency.P99):F2}x, throughput {a.Throughput / Math.Max(1, b.Throughput):F2}x");
        }
    }

    /// <summary>
    /// The same changes as batches made here every 50 ms from synthetic tiles, through the same deltas and wire form as
    /// the relay, handed to <paramref name="send"/>; no grains.
    /// </summary>
    private static async Task<Result> Baseline(string name, ClientProcess clients, double rate, int seconds, int seatCount, int clientCount,
        System.Text.Json.JsonSerializerOptions json, Func<Dictionary<string, object?>, Task> send)
    {
        var pending = new ConcurrentQueue<SeatTile>();
        var template = MonitorTilesForBaseline.Seat("X000");
        var deltas = new WallDeltas(json);
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
                    var (_, wire) = deltas.Next(new MonitorBatch(name, ++version, batch, [], []), [MonitorScope.Everything]).Single();
                    await send(wire);
                }
            }
        });
        var result = await Measure(name, clients, "X", rate, seconds, seatCount, clientCount, n =>
        {
            pending.Enqueue(template with { SeatId = $"X{n % seatCount:000}", State = WallboardSchedule.StateOf(n, seatCount), Since = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        });
        flusher.Cancel();
        await flushing;
        return result;
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
