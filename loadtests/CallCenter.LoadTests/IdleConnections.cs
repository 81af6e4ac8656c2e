using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.LoadTests;

// Many supervisors with a wallboard open and nothing happening: N connections from P client processes, each receiving
// the board's heartbeat batch every 5 s — on the read-only wall stream (/streams/wallboard, what the page opens) or on
// the hub (/hubs/monitor, SignalR over WebSockets). "stream" opens each wall with a ticket as the page does (served below
// the host's HTTP layer); "stream-http" by bearer token through the HTTP endpoint. Reported: the host's working set and managed heap before and
// after, per connection, and how many connections are still up after a quiet minute.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- connections [count=10000] [processes=4] [quietSeconds=60] [stream|stream-http|hub]
public static class IdleConnections
{
    public sealed record Report(int Connected, int Failed, int Closed);

    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var processes = args.Length > 1 ? int.Parse(args[1]) : 4;
        var quiet = args.Length > 2 ? int.Parse(args[2]) : 60;
        var kind = args.Length > 3 ? args[3] : "stream";
        await using var host = await LoadHost.Start("--CallCenter:Dashboard=false");
        var token = await host.Token("supervisor");
        await using (var warmUp = await ClientProcess.Start("idle-clients", host.Address.ToString(), token, "10", kind))
        {
            await warmUp.Ask<Report>("report");
        }

        var before = Memory();
        var clock = Stopwatch.StartNew();
        var clients = new List<ClientProcess>();
        for (var p = 0; p < processes; p++)
        {
            clients.Add(await ClientProcess.Start("idle-clients", host.Address.ToString(), token, (count / processes + (p < count % processes ? 1 : 0)).ToString(), kind));
        }

        var opened = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(quiet));
        var reports = await Task.WhenAll(clients.Select(c => c.Ask<Report>("report")));
        var after = Memory();
        var connected = reports.Sum(r => r.Connected);
        Console.WriteLine($"{count} {(kind == "hub" ? "hub connections" : "wall streams")} asked from {processes} processes, opened in {opened.TotalSeconds:F1} s; after {quiet} s quiet: {connected} up, {reports.Sum(r => r.Failed)} failed to open, {reports.Sum(r => r.Closed)} closed");
        Console.WriteLine($"host working set {before.WorkingSet / 1e6:F0} MB before → {after.WorkingSet / 1e6:F0} MB with them ({(after.WorkingSet - before.WorkingSet) / 1024.0 / Math.Max(1, connected):F1} KiB per connection)");
        Console.WriteLine($"host managed heap {before.Heap / 1e6:F0} MB before → {after.Heap / 1e6:F0} MB with them ({(after.Heap - before.Heap) / 1024.0 / Math.Max(1, connected):F1} KiB per connection)");
        Console.WriteLine($"GC committed {before.Committed / 1e6:F0} MB before → {after.Committed / 1e6:F0} MB with them, of which free (fragmented) {after.Fragmented / 1e6:F0} MB, pinned-object heap {after.Pinned / 1e6:F0} MB");
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private static (long WorkingSet, long Heap, long Committed, long Fragmented, long Pinned) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var self = Process.GetCurrentProcess();
        return (self.WorkingSet64, heap, info.TotalCommittedBytes, info.FragmentedBytes, info.GenerationInfo[4].SizeAfterBytes);
    }

    /// <summary>The client role: opens its connections 50 at a time, says "connected", answers "report" with one JSON line.</summary>
    public static async Task Clients(string[] args)
    {
        var (url, token, count) = (new Uri(args[0]), args[1], int.Parse(args[2]));
        if (args.Length > 3 && args[3] is "stream" or "stream-http")
        {
            var walls = await Hold(count, () => RawClient.Connect(url, _ => { }, token, overHttp: args[3] == "stream-http"),
                (walls, failed) => new Report(walls.Count(w => w.Open), failed, walls.Count(w => !w.Open)));
            await Task.WhenAll(walls.Select(w => w.DisposeAsync().AsTask()));
            return;
        }

        var closed = 0;
        var connections = await Hold(count, async () =>
        {
            var connection = await WallboardClients.Connect(url, token, _ => { });
            connection.Closed += _ =>
            {
                Interlocked.Increment(ref closed);
                return Task.CompletedTask;
            };
            return connection;
        }, (connections, failed) => new Report(connections.Count(c => c.State == HubConnectionState.Connected), failed, closed));
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
    }

    /// <summary>Opens <paramref name="count"/> connections 50 at a time and holds them until stdin closes, answering "report".</summary>
    private static async Task<List<T>> Hold<T>(int count, Func<Task<T>> open, Func<List<T>, int, Report> report)
    {
        var failed = 0;
        var held = new List<T>(count);
        for (var i = 0; i < count; i += 50)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(50, count - i)).Select(async _ =>
            {
                try
                {
                    var connection = await open();
                    lock (held)
                    {
                        held.Add(connection);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
            }));
        }

        Console.WriteLine("connected");
        while (Console.ReadLine() is { } line)
        {
            if (line == "report")
            {
                Console.WriteLine(JsonSerializer.Serialize(report(held, failed)));
            }
        }

        return held;
    }
}
