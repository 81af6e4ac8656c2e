using System.Collections.Concurrent;
using System.Text.Json;
using System.Net.Http.Headers;
using CallCenter.LoadTests;
using CallCenter.Monitoring;
using CallCenter.Seats;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

public sealed class MonitorHubTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_supervisor_gets_a_snapshot_then_every_change_as_a_versioned_batch()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        await using var wallboard = await Wallboard.Connect(Host, "supervisor");
        var snapshot = await wallboard.SnapshotWhen(s => s.Seats.Any(t => t.SeatId == seat) && s.Queues.Any(q => q.QueueId == queue)); // the board learns of both a batch window later
        var tile = Assert.Single(snapshot.Seats, s => s.SeatId == seat);
        Assert.Equal(SeatState.LoggedOut, tile.State);
        Assert.Contains(snapshot.Queues, q => q.QueueId == queue);

        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        var ready = await wallboard.WaitFor(b => b.Seats.Any(s => s.SeatId == seat && s.State == SeatState.Ready));
        Assert.Equal(snapshot.Epoch, ready.Epoch);
        Assert.True(ready.Version > snapshot.Version);
        Assert.Equal(wallboard.Versions.Count(), wallboard.Versions.Distinct().Count());
        Assert.Equal("agent1", ready.Seats.Last(s => s.SeatId == seat).Agent);
    }

    [Fact]
    public async Task A_reconnecting_client_gets_a_fresh_snapshot()
    {
        var admin = await Host.As("admin");
        var (_, seat) = await Define(admin);
        await using (var first = await Wallboard.Connect(Host, "supervisor"))
        {
            Assert.Equal(SeatState.LoggedOut, (await first.Snapshot()).Seats.Single(s => s.SeatId == seat).State);
        }

        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent2", takeOver = true }).Ok();
        await using var again = await Wallboard.Connect(Host, "admin");
        var fresh = await again.SnapshotWhen(f => f.Seats.Single(s => s.SeatId == seat).State == SeatState.NotReady);

        Assert.Equal(("agent2", SeatState.NotReady), (fresh.Seats.Single(s => s.SeatId == seat).Agent, fresh.Seats.Single(s => s.SeatId == seat).State));
    }

    [Fact]
    public async Task A_department_scope_sees_only_its_seats_and_a_queue_scope_only_its_queue()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        var department = "dep-" + Guid.NewGuid().ToString("N")[..6];
        var other = "ms-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineSeat(admin, other, queue, department: department);
        var (otherQueue, _) = await Define(admin);

        await using var mine = await Wallboard.Connect(Host, "supervisor", $"department={Uri.EscapeDataString(department)}");
        await using var byQueue = await Wallboard.Connect(Host, "supervisor", $"queue={queue}");
        var snapshot = await mine.SnapshotWhen(s => s.Seats.Count > 0 && s.Queues.Any(q => q.QueueId == otherQueue));
        Assert.Equal([other], snapshot.Seats.Select(s => s.SeatId));
        var queueSnapshot = await byQueue.SnapshotWhen(s => s.Seats.Count == 2);
        Assert.Equal(new[] { other, seat }.Order(), queueSnapshot.Seats.Select(s => s.SeatId).Order());
        Assert.Equal([queue], queueSnapshot.Queues.Select(q => q.QueueId));

        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/{other}/login", new { agent = "agent2", takeOver = true }).Ok();
        await mine.WaitFor(b => b.Seats.Any(s => s.SeatId == other && s.State == SeatState.NotReady));
        await byQueue.WaitFor(b => b.Seats.Any(s => s.SeatId == seat && s.State == SeatState.NotReady));
        await byQueue.WaitFor(b => b.Seats.Any(s => s.SeatId == other && s.State == SeatState.NotReady));
        Assert.DoesNotContain(mine.Received.SelectMany(b => b.Seats), s => s.SeatId == seat || s.Department != department);
        Assert.All(byQueue.Received.SelectMany(b => b.Queues), q => Assert.Equal(queue, q.QueueId));
        Assert.All(byQueue.Received.SelectMany(b => b.Seats), s => Assert.Contains(queue, s.Queues));
    }

    [Fact]
    public async Task The_wallboard_figures_are_exported_as_metrics()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        await using var wallboard = await Wallboard.Connect(Host, "supervisor");
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent3", takeOver = true }).Ok();
        await wallboard.WaitFor(b => b.Seats.Any(s => s.SeatId == seat && s.State == SeatState.NotReady));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string metrics;
        do
        {
            metrics = await Host.Anonymous().GetStringAsync("/metrics");
        }
        while (!metrics.Contains($"queue=\"{queue}\"") && DateTime.UtcNow < deadline && await Task.Delay(250).ContinueWith(_ => true));

        Assert.Contains("callcenter_seats{", metrics);
        Assert.Matches($"callcenter_queue_waiting{{[^}}]*queue=\"{queue}\"[^}}]*}} 0", metrics);
        Assert.Contains("callcenter_monitor_batches_total", metrics);
        Assert.Contains("callcenter_monitor_push_lag", metrics);
    }

    [Theory]
    [InlineData("agent1")]
    [InlineData("grader")]
    public async Task Only_supervisors_and_administrators_may_watch(string user)
    {
        var error = await Assert.ThrowsAnyAsync<HttpRequestException>(() => Wallboard.Connect(Host, user));
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Wallboard.Connect(Host, null));
    }

    [Fact]
    public async Task Acknowledging_an_alert_that_is_not_open_is_refused_with_a_reason()
    {
        await using var wallboard = await Wallboard.Connect(Host, "supervisor");
        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => wallboard.Acknowledge("NotReadyTooLong:nobody", "checked"));
        Assert.Contains("does not exist", error.Message);
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => wallboard.Acknowledge("x", new string('n', 600)));
    }

    [Fact]
    public async Task The_wall_speaks_MessagePack_with_the_keys_of_the_JSON_form_and_the_other_hubs_refuse_it()
    {
        var admin = await Host.As("admin");
        var (_, seat) = await Define(admin);
        var token = (await Host.As("supervisor")).DefaultRequestHeaders.Authorization!.Parameter!;
        var received = new ConcurrentQueue<WallboardClients.WireBatch>();
        var wall = await WallboardClients.Connect(Host.Address, token, received.Enqueue, "messagepack");
        try
        {
            await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!received.SelectMany(b => b.Seats).Any(s => s.SeatId == seat && s.State == nameof(SeatState.NotReady)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Contains(received.SelectMany(b => b.Seats), s => s.SeatId == seat && s.State == nameof(SeatState.NotReady));
        }
        finally
        {
            await wall.DisposeAsync();
        }

        var workOrders = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.Address, "/hubs/work-orders"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddMessagePackProtocol()
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(() => workOrders.StartAsync());
        await workOrders.DisposeAsync();
    }

    /// <summary>A new queue and a seat serving it.</summary>
    internal static async Task<(string Queue, string Seat)> Define(HttpClient admin)
    {
        var queue = "mq-" + Guid.NewGuid().ToString("N")[..6];
        var seat = "ms-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineQueue(admin, queue);
        await Api.DefineSeat(admin, seat, queue);
        return (queue, seat);
    }
}

/// <summary>
/// A wallboard client on /hubs/monitor that records every batch it receives, made whole as the page makes it (each
/// tile's changed keys laid over the one it has, <see cref="WallModel"/>), and, like the page, fetches a snapshot when
/// the versions show a gap or a new epoch or a change comes for a tile it does not have (kept apart from the batches).
/// </summary>
public sealed class Wallboard : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentQueue<MonitorBatch> batches = new();
    private readonly ConcurrentQueue<MonitorBatch> caughtUp = new();
    private (string Epoch, long Version)? seen;
    private volatile bool gap;

    private readonly WallModel model = new();

    private Wallboard(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("Batch", wire =>
        {
            MonitorBatch batch;
            bool complete;
            lock (model)
            {
                (batch, complete) = model.Apply(wire);
            }

            gap |= !complete || (seen is { } last && (batch.Epoch != last.Epoch || batch.Version > last.Version + 1));
            seen = (batch.Epoch, batch.Version);
            batches.Enqueue(batch);
        });
    }

    public IEnumerable<long> Versions => batches.Select(b => b.Version);

    public IEnumerable<MonitorBatch> Received => batches;

    public static async Task<Wallboard> Connect(RunningHost host, string? user, string? scope = null)
    {
        string? token = null;
        if (user is not null)
        {
            var client = await host.As(user);
            token = client.DefaultRequestHeaders.Authorization!.Parameter;
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "/hubs/monitor" + (scope is null ? "" : "?" + scope)), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
        var board = new Wallboard(connection);
        await connection.StartAsync();
        await board.Snapshot(); // as the page does on connecting: the tiles the first changes are laid over
        return board;
    }

    public async Task<MonitorSnapshot> Snapshot()
    {
        var wire = await connection.InvokeAsync<JsonElement>("Snapshot");
        lock (model)
        {
            return model.Load(wire);
        }
    }

    /// <summary>Snapshots until one matches (the board learns of new seats and queues a batch window later), or the last one.</summary>
    public async Task<MonitorSnapshot> SnapshotWhen(Func<MonitorSnapshot, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var snapshot = await Snapshot();
        while (!match(snapshot) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            snapshot = await Snapshot();
        }

        return snapshot;
    }

    public async Task<Alert> Acknowledge(string key, string? note) =>
        (await connection.InvokeAsync<JsonElement>("Acknowledge", key, note)).Deserialize<Alert>(WallModel.Json)!;

    public async Task<MonitorBatch> WaitFor(Func<MonitorBatch, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (batches.Concat(caughtUp).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (gap)
            {
                gap = false;
                var snapshot = await Snapshot();
                caughtUp.Enqueue(new MonitorBatch(snapshot.Epoch, snapshot.Version, snapshot.Seats, snapshot.Queues, snapshot.OpenAlerts, snapshot.Duty, snapshot.Quality));
            }

            await Task.Delay(20);
        }

        var versions = string.Join(", ", batches.Select(b => $"{b.Epoch}/{b.Version} ({b.Seats.Count} seats)"));
        throw new Xunit.Sdk.XunitException($"No matching batch among {batches.Count} received ({versions}) and {caughtUp.Count} snapshots after gaps.");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
