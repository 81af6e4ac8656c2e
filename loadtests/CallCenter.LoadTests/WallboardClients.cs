using System.Diagnostics;
using System.Text.Json;
using CallCenter.Seats;
using HdrHistogram;
using MessagePack;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.LoadTests;

/// <summary>
/// The supervisors of the wallboard benchmark, in a process of their own (as a real wall's browsers are): N clients on
/// the host's wall stream (/streams/wallboard, as the page), on /hubs/monitor over MessagePack or JSON, or N plain
/// WebSockets on the raw baseline's address. Each reads
/// of a batch only the seat ids and states (<see cref="WireBatch"/>), so the clients cost little beside the host. Reads
/// "run prefix start rate seats" and "report" lines on stdin; answers each report with one JSON line.
/// </summary>
public static class WallboardClients
{
    public sealed record Report(long Received, long LastReceipt, double P50, double P99, double P999, double Max);

    /// <summary>What the benchmark reads of a batch: seats by id, with the state when it changed.</summary>
    [MessagePackObject]
    public sealed class WireBatch
    {
        [Key("seats")]
        public List<WireSeat> Seats { get; set; } = [];
    }

    [MessagePackObject]
    public sealed class WireSeat
    {
        [Key("seatId")]
        public string SeatId { get; set; } = "";

        [Key("state")]
        public string? State { get; set; }
    }

    public static async Task Run(string[] args)
    {
        var (url, token, count) = (new Uri(args[0]), args[1], int.Parse(args[2]));
        var protocol = args.Length > 3 ? args[3] : "messagepack";
        WallboardSchedule? schedule = null;
        var histogram = new LongHistogram(TimeSpan.FromMinutes(5).Ticks / 10, 3);
        long received = 0, lastReceipt = 0;
        void OnBatch(WireBatch batch)
        {
            var now = Stopwatch.GetTimestamp();
            if (schedule is not { } plan)
            {
                return;
            }

            foreach (var tile in batch.Seats)
            {
                if (tile.State is { } state && plan.IntendedFor(tile.SeatId, Enum.Parse<SeatState>(state), now) is { } at)
                {
                    lock (histogram)
                    {
                        histogram.RecordValue((long)Stopwatch.GetElapsedTime(at, now).TotalMicroseconds);
                        received++;
                        lastReceipt = now;
                    }
                }
            }
        }

        var clients = new List<IAsyncDisposable>();
        for (var i = 0; i < count; i += 25)
        {
            clients.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(25, count - i)).Select(async _ => protocol switch
            {
                "raw" => await RawClient.Connect(url, OnBatch),
                "stream" => await RawClient.Connect(url, OnBatch, token),
                "stream-http" => await RawClient.Connect(url, OnBatch, token, overHttp: true),
                _ => (IAsyncDisposable)await Connect(url, token, OnBatch, protocol),
            })));
        }

        Console.WriteLine("connected");
        while (Console.ReadLine() is { } line)
        {
            var words = line.Split(' ');
            if (words[0] == "run")
            {
                lock (histogram)
                {
                    histogram.Reset();
                    received = lastReceipt = 0;
                    schedule = new WallboardSchedule(words[1], long.Parse(words[2]), double.Parse(words[3]), int.Parse(words[4]));
                }
            }
            else if (words[0] == "report")
            {
                lock (histogram)
                {
                    static double Ms(double micros) => micros / 1000.0;
                    Console.WriteLine(JsonSerializer.Serialize(new Report(
                        received, lastReceipt, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(99)),
                        Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()))));
                }
            }
        }

        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
    }

    /// <summary>A supervisor on /hubs/monitor over WebSockets with a bearer token, started.</summary>
    public static async Task<HubConnection> Connect(Uri url, string token, Action<WireBatch> onBatch, string protocol = "messagepack")
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(url, "/hubs/monitor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            });
        var connection = (protocol == "json" ? builder.AddJsonProtocol() : builder.AddMessagePackProtocol()).Build();
        connection.On("Batch", onBatch);
        await connection.StartAsync();
        return connection;
    }
}
