using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallCenter.Calls;
using CallCenter.Host;
using CallCenter.Monitoring;
using CallCenter.Seats;
using Npgsql;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// Three hosts on PostgreSQL with a softswitch driving calls; the host holding the wallboard's board and the CTI command
/// bus (started first, so it normally holds both; else both holders die together) is killed with SIGKILL, restarted,
/// and the host then holding them is killed again; finally every host is killed and all are started together. Measures what operators and supervisors
/// would see (<see cref="FailoverReport"/>).
/// </summary>
public sealed class FailoverDrill(FailoverDrill.Options options, TextWriter log)
{
    public sealed record Options(
        string Server,
        int Seats = 20,
        double CallsPerSecond = 3.4,
        int WarmSeconds = 20,
        int ObserveSeconds = 30,
        int Kills = 2,
        bool FullRestart = true,
        double TalkSeconds = 2,
        double WallboardToleranceSeconds = 1,
        IReadOnlyDictionary<string, string>? Membership = null);

    private const string Queue = "fo";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string cluster = "drill" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<ClusterHost> hosts = [];
    private readonly ConcurrentDictionary<string, WallboardWatch> walls = new();
    private readonly ConcurrentBag<(DateTimeOffset At, string Host, int Wrong)> samples = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> parked = new();
    private readonly List<(DateTimeOffset Killed, DateTimeOffset Declared)> windows = [];
    private readonly List<string> seats = [];
    private AnyHost supervisor = null!;
    private AnyHost admin = null!;
    private Softswitch softswitch = null!;
    private int parkedCount;
    private int wrongShown;

    public async Task<FailoverReport> Run()
    {
        var work = Directory.CreateTempSubdirectory("callcenter-drill.").FullName;
        var database = await CreateDatabase();
        var extra = new Dictionary<string, string>
        {
            ["CallCenter__Seats__WrapUpSeconds"] = "1",
            ["CallCenter__Simulator__Enabled"] = "false",
            ["CallCenter__Dashboard"] = "false",
        };
        foreach (var (key, value) in options.Membership ?? new Dictionary<string, string>())
        {
            extra[$"CallCenter__Membership__{key}"] = value;
        }

        var settings = new ClusterHost.Settings(database, cluster, Path.Combine(work, "data"), work, extra);
        hosts.AddRange(Enumerable.Range(0, 3).Select(i => new ClusterHost(i, settings)));
        Say($"cluster {cluster}; host logs in {work}");
        try
        {
            // The first host alone first: the board and the command bus activate there, so the first kill takes both.
            hosts[0].Launch();
            await hosts[0].WaitHealthy(TimeSpan.FromSeconds(120));
            await SignIn();
            await Held();
            hosts[1].Launch();
            hosts[2].Launch();
            await Task.WhenAll(hosts.Skip(1).Select(h => h.WaitHealthy(TimeSpan.FromSeconds(120))));
            await Setup();
            softswitch = new Softswitch(new AnyHost(hosts, c => c.DefaultRequestHeaders.Add("X-Api-Key", LoadHost.ApiKey)), TimeSpan.FromSeconds(options.TalkSeconds));
            foreach (var host in hosts)
            {
                await softswitch.Up(host);
                await Watch(host);
            }

            using var stop = new CancellationTokenSource();
            var traffic = Traffic("c", stop.Token);
            var sampling = Sample(stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(options.WarmSeconds));
            var kills = new List<KillReport>();
            for (var k = 0; k < options.Kills; k++)
            {
                kills.Add(await KillBoardHost(restartAfter: k < options.Kills - 1 || options.FullRestart));
            }

            await stop.CancelAsync();
            await traffic;
            await sampling;
            var (posted, ended, lost, stuck, seatsStuck) = await Drain();
            var undelivered = await Undelivered(softswitch.Posted.Keys);
            for (var k = 0; k < kills.Count; k++)
            {
                var (killed, declared) = windows[k];
                var mine = undelivered.Where(o => o >= killed.AddSeconds(-1) && o <= NextKill(k)).ToList();
                kills[k] = kills[k] with
                {
                    OffersUndelivered = mine.Count,
                    OffersUndeliveredOutsideDetection = mine.Count(o => o > declared.AddSeconds(1)),
                };
            }

            var restart = options.FullRestart ? await RestartAll() : null;
            return new FailoverReport(kills, restart, posted, softswitch.Refused, ended, lost, stuck, seatsStuck, softswitch.Offers.Count);
        }
        finally
        {
            foreach (var wall in walls.Values)
            {
                await wall.DisposeAsync();
            }

            if (softswitch is not null)
            {
                await softswitch.DisposeAsync();
            }

            hosts.ForEach(h => h.Kill());
            supervisor?.Dispose();
            admin?.Dispose();
        }
    }

    private DateTimeOffset NextKill(int k) => k + 1 < windows.Count ? windows[k + 1].Killed.AddSeconds(-1) : DateTimeOffset.MaxValue;

    private async Task<KillReport> KillBoardHost(bool restartAfter)
    {
        var held = await Held();

        // Both singletons activate on the first host, but a host joining can move one (the default grain directory
        // may re-activate a grain while it hands a partition over); then both hosts die together.
        var silos = new[] { held["monitor-board"]!, held["cti-command-bus"]! }.Distinct().ToList();
        var victims = silos.Select(HostOf).ToList();
        var oneHost = silos.Count == 1;
        Say($"killing {string.Join(" and ", victims.Select(v => v.Name))} (board {held["monitor-board"]}, command bus {held["cti-command-bus"]})");
        var killed = DateTimeOffset.UtcNow;
        foreach (var victim in victims)
        {
            victim.Kill();
            foreach (var api in new[] { supervisor, admin })
            {
                api.Down(victim);
            }

            softswitch.Down(victim);
            if (walls.TryRemove(victim.Name, out var gone))
            {
                await gone.DisposeAsync();
            }
        }

        var declared = DateTimeOffset.MinValue;
        foreach (var silo in silos)
        {
            var at = await DeclaredDead(silo);
            declared = at > declared ? at : declared;
        }

        windows.Add((killed, declared));
        Say($"{string.Join(" and ", victims.Select(v => v.Name))} declared dead after {(declared - killed).TotalSeconds:F1} s");
        var parkedBefore = parkedCount;
        await Task.Delay(TimeSpan.FromSeconds(options.ObserveSeconds));

        // The board died with its host: each surviving wallboard must load a snapshot of the new board after the
        // kill (its membership view may see the death a moment before this drill's poll does).
        var observed = DateTimeOffset.UtcNow;
        var after = samples.Where(s => s.At >= declared && s.At <= observed).ToList();
        var lastWrong = after.Where(s => s.Wrong > 0).Select(s => s.At).DefaultIfEmpty(declared).Max();
        var refreshed = 0;
        var wrongAfterSnapshot = 0;
        foreach (var wall in walls.Values)
        {
            if (wall.Snapshots.FirstOrDefault(t => t >= killed) is { } first && first != default)
            {
                refreshed++;
                wrongAfterSnapshot += samples.Where(s => s.Host == wall.Host && s.At > first && s.At <= observed).Sum(s => s.Wrong);
            }
        }

        var firstOffer = softswitch.Offers.Where(o => o.At > declared).Select(o => o.ReceivedAt).DefaultIfEmpty().Min();
        var late = softswitch.Offers.Count(o => o.At >= killed && o.At <= declared.AddSeconds(1) && o.ReceivedAt - o.At > TimeSpan.FromSeconds(1));
        var report = new KillReport(
            string.Join(" and ", victims.Select(v => v.Name)), oneHost, walls.Count, (declared - killed).TotalSeconds,
            firstOffer == default ? null : (firstOffer - declared).TotalSeconds,
            0, 0, late, (lastWrong - declared).TotalSeconds, refreshed, wrongAfterSnapshot, parkedCount - parkedBefore);
        if (restartAfter)
        {
            foreach (var victim in victims)
            {
                victim.Launch();
                await victim.WaitHealthy(TimeSpan.FromSeconds(120));
                foreach (var api in new[] { supervisor, admin })
                {
                    api.Up(victim);
                }

                await softswitch.Up(victim);
                await Watch(victim);
            }

            await Task.Delay(TimeSpan.FromSeconds(Math.Min(15, options.WarmSeconds)));
        }

        return report;
    }

    /// <summary>Posts calls at the set rate (open loop) until stopped.</summary>
    private async Task Traffic(string phase, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / options.CallsPerSecond);
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(due - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            running.Add(softswitch.Call($"{cluster}-{phase}{n}", Queue));
        }

        await Task.WhenAll(running);
    }

    /// <summary>
    /// Twice a second: every seat as its grain has it, against every open wallboard. A tile is wrong when it misses a
    /// change its seat made more than the tolerance ago. Agents parked NotReady/missed by an offer that never rang
    /// are put back Ready, as they would do themselves.
    /// </summary>
    private async Task Sample(CancellationToken stop)
    {
        var tolerance = TimeSpan.FromSeconds(options.WallboardToleranceSeconds);
        while (!stop.IsCancellationRequested)
        {
            var at = DateTimeOffset.UtcNow;
            var truth = await Truth();
            if (truth is not null)
            {
                foreach (var wall in walls.Values.Where(w => w.Connected))
                {
                    var tiles = wall.Seats;
                    var wrong = truth.Values.Where(seat => Wrong(tiles.GetValueOrDefault(seat.SeatId), seat, at, tolerance)).ToList();
                    samples.Add((at, wall.Host, wrong.Count));
                    foreach (var seat in wrong.Take(Math.Max(0, 20 - Interlocked.Add(ref wrongShown, wrong.Count) + wrong.Count)))
                    {
                        var tile = tiles.GetValueOrDefault(seat.SeatId);
                        Say($"wallboard on {wall.Host} wrong: {seat.SeatId} shows {tile?.State} since {tile?.Since:HH:mm:ss.f}, is {seat.State} since {seat.Since:HH:mm:ss.f}");
                    }
                }

                foreach (var seat in truth.Values.Where(s => s is { State: SeatState.NotReady, Reason: NotReadyReasons.Missed }))
                {
                    if (parked.TryAdd($"{seat.SeatId}@{seat.Since:O}", seat.Since))
                    {
                        Interlocked.Increment(ref parkedCount);
                        await supervisor.Send(c => c.PostAsJsonAsync($"/api/v1/seats/{seat.SeatId}/state", new { state = "Ready" }));
                    }
                }
            }

            try
            {
                await Task.Delay(500, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>A tile is wrong when it is missing or misses a change its seat made more than the tolerance before <paramref name="at"/>.</summary>
    private static bool Wrong(SeatTile? tile, SeatsApi.SeatView seat, DateTimeOffset at, TimeSpan tolerance) =>
        tile is null || (tile.State != seat.State && seat.Since < at - tolerance && tile.Since <= seat.Since);

    private async Task<Dictionary<string, SeatsApi.SeatView>?> Truth()
    {
        var views = await Task.WhenAll(seats.Select(async seat =>
        {
            var response = await supervisor.Send(c => c.GetAsync($"/api/v1/seats/{seat}"));
            return response is { IsSuccessStatusCode: true } ? await response.Content.ReadFromJsonAsync<SeatsApi.SeatView>(Json) : null;
        }));
        return views.Any(v => v is null) ? null : views.ToDictionary(v => v!.SeatId, v => v!);
    }

    /// <summary>Stops traffic, lets conversations finish, and counts how every call and seat ended up.</summary>
    private async Task<(int Posted, int Ended, int Lost, int Stuck, int SeatsStuck)> Drain()
    {
        await softswitch.Settle();
        var calls = softswitch.Posted.Keys.ToList();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        Dictionary<string, CallState?> states;
        while (true)
        {
            states = await CallStates(calls);
            if (states.Values.All(s => s is CallState.Ended or CallState.Abandoned) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(1000);
            await softswitch.Settle();
        }

        var truth = await Truth() ?? [];
        var seatsStuck = truth.Values.Count(s => s.State is SeatState.Reserved or SeatState.OnCall or SeatState.WrapUp);
        return (calls.Count, states.Values.Count(s => s == CallState.Ended), states.Values.Count(s => s is null),
            states.Values.Count(s => s is not null and not CallState.Ended and not CallState.Abandoned), seatsStuck);
    }

    private async Task<Dictionary<string, CallState?>> CallStates(IEnumerable<string> calls)
    {
        var result = new ConcurrentDictionary<string, CallState?>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var response = await supervisor.Send(c => c.GetAsync($"/api/v1/calls/{call}"));
            result[call] = response is { IsSuccessStatusCode: true }
                ? (await response.Content.ReadFromJsonAsync<CallsApi.CallView>(Json))!.State
                : null;
        });
        return new Dictionary<string, CallState?>(result);
    }

    /// <summary>The moments of offers in the calls' timelines that no adapter received (an offer is the same one within 2 s at the same seat).</summary>
    private async Task<List<DateTimeOffset>> Undelivered(IEnumerable<string> calls)
    {
        var received = softswitch.Offers.ToLookup(o => o.CallId);
        var missing = new ConcurrentBag<DateTimeOffset>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (call, _) =>
        {
            var response = await supervisor.Send(c => c.GetAsync($"/api/v1/calls/{call}"));
            if (response is not { IsSuccessStatusCode: true })
            {
                return;
            }

            var view = (await response.Content.ReadFromJsonAsync<CallsApi.CallView>(Json))!;
            foreach (var offer in view.Timeline.Where(t => t.State == CallState.Offered))
            {
                if (!received[call].Any(r => r.SeatId == offer.SeatId && Math.Abs((r.At - offer.At).TotalSeconds) < 2))
                {
                    missing.Add(offer.At);
                }
            }
        });
        return missing.ToList();
    }

    private async Task<RestartReport> RestartAll()
    {
        var before = await Truth() ?? [];
        var calls = softswitch.Posted.Keys.ToList();
        Say("killing every host, then starting all three together");
        hosts.ForEach(h => h.Kill());
        foreach (var wall in walls.Values)
        {
            await wall.DisposeAsync();
        }

        walls.Clear();
        var launched = Stopwatch.StartNew();
        hosts.ForEach(h => h.Launch());
        await Task.WhenAll(hosts.Select(h => h.WaitHealthy(TimeSpan.FromSeconds(180))));
        var healthy = launched.Elapsed.TotalSeconds;
        foreach (var host in hosts)
        {
            supervisor.Up(host);
            admin.Up(host);
            await softswitch.Up(host);
        }

        await SignIn();
        var opened = DateTimeOffset.UtcNow;
        foreach (var host in hosts)
        {
            await Watch(host);
        }

        var right = await RightAfter(opened, TimeSpan.FromSeconds(60));
        var states = await CallStates(calls);
        var now = await Truth() ?? [];
        var seatsChanged = before.Count(b => !now.TryGetValue(b.Key, out var seat) || seat.State != b.Value.State);

        // Traffic again on the restarted cluster: every offer must ring and every call end.
        var offersBefore = softswitch.Offers.Count;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Min(15, options.WarmSeconds)));
        await Traffic("r", stop.Token);
        var (_, _, lost, stuck, _) = await Drain();
        var after = softswitch.Posted.Keys.Except(calls).ToList();
        var undelivered = await Undelivered(after);
        Say($"after the restart: {after.Count} calls, {softswitch.Offers.Count - offersBefore} offers");
        return new RestartReport(healthy, right, states.Values.Count(s => s is null), seatsChanged, undelivered.Count, lost + stuck);
    }

    /// <summary>Seconds from <paramref name="from"/> until a sample finds every wallboard right.</summary>
    private async Task<double> RightAfter(DateTimeOffset from, TimeSpan within)
    {
        var tolerance = TimeSpan.FromSeconds(options.WallboardToleranceSeconds);
        while (DateTimeOffset.UtcNow - from < within)
        {
            var at = DateTimeOffset.UtcNow;
            if (await Truth() is { } truth && walls.Values.All(w => w.Seats is var tiles && !truth.Values.Any(seat => Wrong(tiles.GetValueOrDefault(seat.SeatId), seat, at, tolerance))))
            {
                return (at - from).TotalSeconds;
            }

            await Task.Delay(250);
        }

        return double.NaN;
    }

    private Task<string> CreateDatabase() => PostgresDatabase.Create(options.Server, cluster);

    private async Task SignIn()
    {
        supervisor?.Dispose();
        admin?.Dispose();
        supervisor = new AnyHost(hosts, await Bearer("supervisor"));
        admin = new AnyHost(hosts, await Bearer("admin"));
    }

    private async Task<Action<HttpClient>> Bearer(string user)
    {
        var token = await LoadHost.Token(hosts.First(h => h.Running).Address, user);
        return c => c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private async Task Setup()
    {
        await Ok(admin.Send(c => c.PutAsJsonAsync($"/api/v1/queues/{Queue}", new { name = "failover", ringTimeoutSeconds = 10 })));
        for (var i = 1; i <= options.Seats; i++)
        {
            var seat = $"F{i:D2}";
            seats.Add(seat);
            await Ok(admin.Send(c => c.PutAsJsonAsync($"/api/v1/seats/{seat}", new { name = seat, department = "drill", skills = new[] { new { queue = Queue, level = 3 } } })));
            await Ok(supervisor.Send(c => c.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = $"drill-{seat}", takeOver = true })));
            await Ok(supervisor.Send(c => c.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" })));
        }
    }

    private async Task Watch(ClusterHost host)
    {
        var token = await LoadHost.Token(host.Address, "supervisor");
        walls[host.Name] = await WallboardWatch.Open(host.Address, host.Name, token);
    }

    /// <summary>Where the board and the command bus live now (waits until both are active somewhere).</summary>
    private async Task<IReadOnlyDictionary<string, string?>> Held()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await ClusterView() is { } view && view.HeldBy["monitor-board"] is not null && view.HeldBy["cti-command-bus"] is not null)
            {
                return view.HeldBy;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("The board and the command bus were not active anywhere within 60 s.");
            }

            await Task.Delay(250);
        }
    }

    private async Task<DateTimeOffset> DeclaredDead(string silo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (await ClusterView() is { } view && view.Silos.Any(s => s.Address == silo && s.Status == "Dead"))
            {
                return DateTimeOffset.UtcNow;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Silo {silo} was not declared dead within 180 s.");
    }

    /// <summary>The cluster as a live host sees it (GET /api/v1/cluster), or null if none answered.</summary>
    private async Task<ClusterApi.ClusterView?> ClusterView() =>
        await admin.Send(c => c.GetAsync("/api/v1/cluster")) is { IsSuccessStatusCode: true } response
            ? await response.Content.ReadFromJsonAsync<ClusterApi.ClusterView>(Json)
            : null;

    private ClusterHost HostOf(string silo) =>
        hosts.Single(h => silo.Contains($":{h.SiloPort}:", StringComparison.Ordinal));

    private static async Task Ok(Task<HttpResponseMessage?> request)
    {
        var response = await request ?? throw new InvalidOperationException("No host answered.");
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private void Say(string line) => log.WriteLine($"[{DateTimeOffset.UtcNow:HH:mm:ss.f}] {line}");
}
