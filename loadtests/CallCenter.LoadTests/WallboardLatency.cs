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
/// /hubs/monitor record, for every seat tile they receive, the time since the change was scheduled. The baseline in
/// the same run sends the same kind of batches (50 ms windows) straight from IHubContext, with no Orleans.
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

        var probe = new Probe();
        var token = await host.Token("supervisor");
        var clients = new List<HubConnection>();
        for (var i = 0; i < clientCount; i += 25)
        {
            clients.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(25, clientCount - i)).Select(_ => Connect(host, token, probe))));
        }

        await Task.Delay(2000);
        var orleans = await Measure("orleans", probe, rate, seconds, clientCount, (n, intended) =>
        {
            var seat = seats[n % seatCount];
            var ready = n / seatCount % 2 == 0;
            probe.Expect(seat, ready ? SeatState.Ready : SeatState.NotReady, intended);
            return grains.GetGrain<ISeatGrain>(seat).ChangeState(ready ? SeatState.Ready : SeatState.NotReady, ready ? null : NotReadyReasons.Break);
        });

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
        var baseline = await Measure("baseline", probe, rate, seconds, clientCount, (n, intended) =>
        {
            var seat = $"X{n % seatCount:000}";
            var ready = n / seatCount % 2 == 0;
            probe.Expect(seat, ready ? SeatState.Ready : SeatState.NotReady, intended);
            pending.Enqueue(template with { SeatId = seat, State = ready ? SeatState.Ready : SeatState.NotReady, Since = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        });
        flusher.Cancel();
        await flushing;
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));

        Console.WriteLine($"wallboard: {rate} events/s for {seconds} s, {seatCount} seats, {clientCount} supervisor clients, {Environment.ProcessorCount} cores");
        Report(orleans);
        Report(baseline);
        if (orleans.Received > 0 && baseline.Received > 0)
        {
            Console.WriteLine($"ratio orleans/baseline: p99 {orleans.Histogram.GetValueAtPercentile(99) / (double)Math.Max(1, baseline.Histogram.GetValueAtPercentile(99)):F2}x, " +
                              $"throughput {orleans.Throughput / Math.Max(1, baseline.Throughput):F2}x");
        }
    }

    private static async Task<Result> Measure(string name, Probe probe, double rate, int seconds, int clients, Func<int, long, Task> send)
    {
        probe.Reset();
        var total = (int)(rate * seconds);
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var intended = start + (long)(n * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            running.Add(send(n, intended));
        }

        await Task.WhenAll(running);
        var expected = (long)total * clients;
        var quiet = Stopwatch.StartNew();
        var last = probe.Received;
        while (probe.Received < expected && quiet.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(200);
            if (probe.Received != last)
            {
                last = probe.Received;
                quiet.Restart();
            }
        }

        var elapsed = Math.Max(0.001, Stopwatch.GetElapsedTime(start, Math.Max(start, probe.LastReceipt)).TotalSeconds);
        return new Result(name, total, expected, probe.Received, probe.Received / elapsed, probe.Snapshot());
    }

    private static void Report(Result r)
    {
        static string Ms(LongHistogram h, double p) => (h.GetValueAtPercentile(p) / 1000.0).ToString("F1");
        if (r.Received == 0)
        {
            Console.WriteLine($"{r.Name,-9} events {r.Events}, receipts 0/{r.Expected}: nothing arrived");
            return;
        }

        Console.WriteLine($"{r.Name,-9} events {r.Events}, receipts {r.Received}/{r.Expected} ({100.0 * r.Received / r.Expected:F1}%), throughput {r.Throughput:F0} receipts/s; " +
                          $"latency p50 {Ms(r.Histogram, 50)} ms, p99 {Ms(r.Histogram, 99)} ms, p99.9 {Ms(r.Histogram, 99.9)} ms, max {r.Histogram.GetMaxValue() / 1000.0:F1} ms");
    }

    private static async Task<HubConnection> Connect(LoadHost host, string token, Probe probe)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/monitor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.On<MonitorBatch>("Batch", probe.Received_);
        await connection.StartAsync();
        return connection;
    }

    private sealed record Result(string Name, int Events, long Expected, long Received, double Throughput, LongHistogram Histogram);

    /// <summary>Matches each received seat tile to the scheduled time of the change that produced it.</summary>
    private sealed class Probe
    {
        private readonly ConcurrentDictionary<(string, SeatState), long> intended = new();
        private LongHistogram histogram = new(TimeSpan.FromMinutes(5).Ticks / 10, 3);
        private long received;
        private long lastReceipt;

        public long Received => Interlocked.Read(ref received);

        public long LastReceipt => Interlocked.Read(ref lastReceipt);

        public void Expect(string seat, SeatState state, long at) => intended[(seat, state)] = at;

        public void Received_(MonitorBatch batch)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var tile in batch.Seats)
            {
                if (intended.TryGetValue((tile.SeatId, tile.State), out var at))
                {
                    lock (this)
                    {
                        histogram.RecordValue((long)Stopwatch.GetElapsedTime(at, now).TotalMicroseconds);
                    }

                    Interlocked.Increment(ref received);
                    Interlocked.Exchange(ref lastReceipt, now);
                }
            }
        }

        public void Reset()
        {
            lock (this)
            {
                histogram = new LongHistogram(TimeSpan.FromMinutes(5).Ticks / 10, 3);
            }

            Interlocked.Exchange(ref received, 0);
            intended.Clear();
        }

        public LongHistogram Snapshot()
        {
            lock (this)
            {
                return histogram.Copy() as LongHistogram ?? histogram;
            }
        }
    }
}

internal static class MonitorTilesForBaseline
{
    public static SeatTile Seat(string id) => new(
        id, id, "纳税服务科", false, "agent-" + id, SeatState.Ready, null, DateTimeOffset.UtcNow, null, null, true,
        new SeatCounters(DateOnly.FromDateTime(DateTime.UtcNow), 0, 0, 0, new Dictionary<string, double>()), ["bench"]);
}
