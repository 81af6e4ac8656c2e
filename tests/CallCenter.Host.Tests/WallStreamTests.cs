using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CallCenter.LoadTests;
using CallCenter.Monitoring;
using CallCenter.Seats;
using MessagePack;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

/// <summary>The wallboard page's read-only stream (/streams/wallboard): the hub's snapshot and batches as MessagePack, to supervisors only.</summary>
public sealed class WallStreamTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_wall_gets_a_snapshot_first_then_each_change_as_a_versioned_batch_and_a_new_snapshot_when_it_asks()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        await using var wall = await WallStream.Open(Host, "supervisor");
        var snapshot = await wall.SnapshotWhen(s => s.Seats.Any(t => t.SeatId == seat) && s.Queues.Any(q => q.QueueId == queue));
        Assert.Equal(SeatState.LoggedOut, snapshot.Seats.Single(s => s.SeatId == seat).State);

        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        var ready = await wall.WaitFor(b => b.Seats.Any(s => s.SeatId == seat && s.State == SeatState.Ready));
        Assert.Equal(snapshot.Epoch, ready.Epoch);
        Assert.True(ready.Version > snapshot.Version);
        Assert.Equal("agent1", ready.Seats.Last(s => s.SeatId == seat).Agent); // laid over the snapshot's tile: the batch carries only what changed
        Assert.Equal(wall.Versions.Count(), wall.Versions.Distinct().Count());

        var again = await wall.SnapshotWhen(s => s.Seats.Single(t => t.SeatId == seat).State == SeatState.Ready);
        Assert.True(again.Version >= ready.Version);
    }

    [Fact]
    public async Task A_department_wall_receives_only_its_seats()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        var department = "dep-" + Guid.NewGuid().ToString("N")[..6];
        var mine = "ms-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineSeat(admin, mine, queue, department: department);
        await using var wall = await WallStream.Open(Host, "supervisor", $"department={department}");
        Assert.Equal([mine], (await wall.SnapshotWhen(s => s.Seats.Count > 0)).Seats.Select(s => s.SeatId));

        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/{mine}/login", new { agent = "agent2", takeOver = true }).Ok();
        await wall.WaitFor(b => b.Seats.Any(s => s.SeatId == mine && s.State == SeatState.NotReady));
        Assert.DoesNotContain(wall.Received.SelectMany(b => b.Seats), s => s.SeatId == seat || s.Department != department);
    }

    [Theory]
    [InlineData(null, "", HttpStatusCode.Unauthorized)]
    [InlineData("agent1", "", HttpStatusCode.Forbidden)]
    [InlineData("grader", "", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", "?department=", HttpStatusCode.OK)]
    public async Task Only_supervisors_and_administrators_may_open_a_wall(string? user, string query, HttpStatusCode expected)
    {
        var refused = await WallStream.Refusal(Host, user, query);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.SwitchingProtocols : expected, refused);
    }

    [Fact]
    public async Task A_bad_scope_or_a_plain_request_gets_a_problem_naming_what_is_wrong()
    {
        Assert.Equal(HttpStatusCode.BadRequest, await WallStream.Refusal(Host, "supervisor", "?department=" + new string('d', 101)));
        var supervisor = await Host.As("supervisor");
        var problem = await supervisor.GetAsync("/streams/wallboard?queue=" + new string('q', 101)).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("queue", out _));
        var department = await supervisor.GetAsync("/streams/wallboard?department=" + new string('d', 101)).Expect(HttpStatusCode.BadRequest);
        Assert.True(department.GetProperty("errors").TryGetProperty("department", out _));
        var plain = await supervisor.GetAsync("/streams/wallboard").Expect(HttpStatusCode.BadRequest);
        Assert.Contains("WebSocket", plain.Str("detail"));
    }

    [Fact]
    public async Task A_wall_opened_from_another_site_with_the_sign_in_cookie_is_refused()
    {
        var page = Host.Anonymous();
        page.DefaultRequestHeaders.Add("X-CallCenter-Request", "page");
        var login = await page.PostAsJsonAsync("/api/v1/auth/login", new { userName = "supervisor", password = RunningHost.Password });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("callcenter=", StringComparison.Ordinal)).Split(';')[0];

        Assert.Equal(HttpStatusCode.Forbidden, await WallStream.Refusal(Host, null, "", ("Cookie", cookie), ("Origin", "https://evil.example")));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WallStream.Refusal(Host, null, "", ("Cookie", cookie), ("Origin", Host.Address.GetLeftPart(UriPartial.Authority))));
    }

    [Fact]
    public async Task A_wall_with_a_ticket_is_served_below_HTTP_with_its_scope_and_changes_and_no_other_credential()
    {
        var admin = await Host.As("admin");
        var (queue, seat) = await Define(admin);
        var department = "dep-" + Guid.NewGuid().ToString("N")[..6];
        var mine = "ms-" + Guid.NewGuid().ToString("N")[..6];
        await Api.DefineSeat(admin, mine, queue, department: department);
        var light = Host.Services.GetRequiredService<WallConnections>();
        var before = light.Opened;

        await using var wall = await WallStream.OpenWithTicket(Host, await Host.As("supervisor"), department);
        Assert.Equal([mine], (await wall.SnapshotWhen(s => s.Seats.Count > 0)).Seats.Select(s => s.SeatId));
        Assert.Equal(before + 1, light.Opened);
        await admin.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent1", takeOver = true }).Ok();
        await admin.PostAsJsonAsync($"/api/v1/seats/{mine}/login", new { agent = "agent2", takeOver = true }).Ok();
        await wall.WaitFor(b => b.Seats.Any(s => s.SeatId == mine && s.State == SeatState.NotReady));
        Assert.DoesNotContain(wall.Received.SelectMany(b => b.Seats), s => s.SeatId == seat);
        var again = await wall.Fresh();
        Assert.Equal(SeatState.NotReady, again.Seats.Single(s => s.SeatId == mine).State);
    }

    [Fact]
    public async Task Only_supervisors_take_tickets_and_a_scope_too_long_is_named()
    {
        await Host.Anonymous().PostAsJsonAsync("/api/v1/wallboard/tickets", new { }).Expect(HttpStatusCode.Unauthorized);
        await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/wallboard/tickets", new { }).Expect(HttpStatusCode.Forbidden);
        await (await Host.As("grader")).PostAsJsonAsync("/api/v1/wallboard/tickets", new { }).Expect(HttpStatusCode.Forbidden);
        var supervisor = await Host.As("supervisor");
        var tooLong = await supervisor.PostAsJsonAsync("/api/v1/wallboard/tickets", new { queue = new string('q', 101) }).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("queue", out _));
        var ticket = await supervisor.PostAsJsonAsync("/api/v1/wallboard/tickets", new { department = "  " }).Ok();
        Assert.InRange(ticket.GetProperty("expires").GetDateTimeOffset(), DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(2));
    }

    [Fact]
    public async Task A_ticket_that_is_garbled_or_whose_sign_in_ended_opens_nothing()
    {
        var supervisor = await Host.As("supervisor");
        var ticket = await WallStream.Ticket(supervisor, null);
        var (status, body) = await WallStream.Handshake(Host, WallStream.Upgrade("x" + ticket));
        Assert.Equal(401, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("ticket", out _));
        Assert.Equal("ticket-invalid", JsonDocument.Parse(body).RootElement.Str("code"));

        await supervisor.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        Assert.Equal(401, (await WallStream.Handshake(Host, WallStream.Upgrade(ticket))).Status);
    }

    [Fact]
    public async Task A_wall_handshake_that_is_not_a_WebSocket_upgrade_gets_a_problem_naming_what_is_wrong_and_nothing_else_is_touched()
    {
        var ticket = await WallStream.Ticket(await Host.As("supervisor"), null);
        var upgrade = WallStream.Upgrade(ticket);
        var noKey = upgrade.Replace("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "");
        var (status, body) = await WallStream.Handshake(Host, noKey);
        Assert.Equal(400, status);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("Sec-WebSocket-Key", out _));
        Assert.Equal(426, (await WallStream.Handshake(Host, upgrade.Replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"))).Status);
        Assert.Equal(400, (await WallStream.Handshake(Host, upgrade.Replace("Upgrade: websocket\r\n", ""))).Status);
        Assert.Equal(400, (await WallStream.Handshake(Host, upgrade.Replace(" HTTP/1.1", " HTTP/1.0"))).Status);
        var huge = upgrade.Replace("\r\n\r\n", $"\r\nX-Filler: {new string('f', WallConnections.MaxHead)}\r\n\r\n");
        Assert.Equal(431, (await WallStream.Handshake(Host, huge)).Status);

        // Sent a few bytes at a time, the same request still opens; one whose first bytes stop short of the ticket goes to HTTP.
        var light = Host.Services.GetRequiredService<WallConnections>();
        var before = light.Opened;
        Assert.Equal(101, (await WallStream.Handshake(Host, upgrade, pieces: 7)).Status);
        Assert.Equal(before + 1, light.Opened);
        Assert.Equal(401, (await WallStream.Handshake(Host, upgrade, firstBytes: 10)).Status); // HTTP: no cookie, no token
        Assert.Equal(before + 1, light.Opened);
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_wall_whose_session_ended_is_closed_when_it_asks_for_a_snapshot()
    {
        var supervisor = await Host.As("supervisor");
        await using var wall = await WallStream.Open(Host, supervisor);
        await wall.Snapshot();

        await supervisor.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        await wall.Ask("snapshot");
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "session-ended"), await wall.Closed());
        Assert.Equal(HttpStatusCode.Unauthorized, await WallStream.Refusal(Host, supervisor, ""));
    }

    [Fact]
    public async Task A_wall_that_sends_anything_but_a_snapshot_request_is_closed()
    {
        await using var wall = await WallStream.Open(Host, "supervisor");
        await wall.Ask("acknowledge everything");
        Assert.Equal((WebSocketCloseStatus.InvalidPayloadData, "only-snapshot"), await wall.Closed());
    }

    [Fact]
    public async Task An_idle_wall_is_closed_once_its_sign_in_ends_without_asking_anything()
    {
        await using var host = await RunningHost.Start(null, "--CallCenter:Sessions:StreamCheckSeconds=1");
        var supervisor = await host.As("supervisor");
        await using var wall = await WallStream.Open(host, supervisor);
        await wall.Snapshot();
        await using var ticketed = await WallStream.OpenWithTicket(host, supervisor, null);
        await ticketed.Snapshot();
        await using var other = await WallStream.Open(host, "supervisor"); // another sign-in of the same user stays open

        await supervisor.PostAsync("/api/v1/auth/logout", null).Expect(HttpStatusCode.NoContent);
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "session-ended"), await wall.Closed());
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "session-ended"), await ticketed.Closed());
        Assert.Equal(WebSocketState.Open, other.State);
    }

    [Fact]
    public async Task The_page_acknowledges_an_alert_over_HTTP_and_a_wrong_key_or_note_is_refused_with_a_reason()
    {
        var supervisor = await Host.As("supervisor");
        var missing = await supervisor.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { key = "NotReadyTooLong:nobody", note = "checked" }).Expect(HttpStatusCode.NotFound);
        Assert.Contains("does not exist", missing.Str("detail"));
        var tooLong = await supervisor.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { key = "x", note = new string('n', 501) }).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("note", out _));
        var noKey = await supervisor.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { note = "x" }).Expect(HttpStatusCode.BadRequest);
        Assert.True(noKey.GetProperty("errors").TryGetProperty("key", out _));
        await (await Host.As("agent1")).PostAsJsonAsync("/api/v1/alerts/acknowledge", new { key = "x" }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_wall_whose_sends_are_stuck_is_dropped_once_it_falls_a_backlog_behind()
    {
        var streams = Host.Services.GetRequiredService<WallStreams>();
        var scope = new MonitorScope("slow-" + Guid.NewGuid().ToString("N")[..6], null);
        using var socket = new StuckSocket();
        var serving = streams.Serve(socket, scope, "supervisor", null, CancellationToken.None);
        for (var waited = 0; socket.Sends == 0 && waited < 200; waited++)
        {
            await Task.Delay(50); // the snapshot's send, the first, gets stuck
        }

        for (var i = 0; i <= WallStreams.Backlog; i++)
        {
            await streams.Send(scope, new Dictionary<string, object?> { ["epoch"] = "e", ["version"] = (long)i });
        }

        await serving.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(WebSocketState.Aborted, socket.State);
        Assert.Equal(1, socket.Sends);
    }

    [Fact]
    public async Task A_wall_gets_its_snapshot_first_and_the_batches_sent_while_it_was_read_after_it()
    {
        var streams = Host.Services.GetRequiredService<WallStreams>();
        var scope = new MonitorScope("early-" + Guid.NewGuid().ToString("N")[..6], null);
        using var socket = new RecordingSocket();
        var serving = streams.Serve(socket, scope, "supervisor", null, CancellationToken.None); // reads the board's snapshot

        for (var version = 1L; version <= 3; version++)
        {
            await streams.Send(scope, new Dictionary<string, object?> { ["epoch"] = "e", ["version"] = version });
        }

        await socket.Received(4);
        Assert.Equal("snapshot", socket.Messages[0].Kind);
        Assert.Equal([1L, 2L, 3L], socket.Messages.Where(m => m is { Kind: "batch", Epoch: "e" }).Select(m => m.Version));
        socket.Abort();
        await serving.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_scope_with_more_walls_than_one_fan_out_chunk_gets_every_batch_in_order_on_every_wall()
    {
        var streams = Host.Services.GetRequiredService<WallStreams>();
        var scope = new MonitorScope("many-" + Guid.NewGuid().ToString("N")[..6], null);
        var sockets = Enumerable.Range(0, WallStreams.FanOutChunk * 2 + 7).Select(_ => new RecordingSocket()).ToList();
        var serving = sockets.Select(socket => streams.Serve(socket, scope, "supervisor", null, CancellationToken.None)).ToList();
        await Task.WhenAll(sockets.Select(socket => socket.Received(1)));

        var batches = Enumerable.Range(1, 3).Select(v => streams.Send(scope, new Dictionary<string, object?> { ["epoch"] = "e", ["version"] = (long)v })).ToList();
        await Task.WhenAll(batches);
        await Task.WhenAll(sockets.Select(socket => socket.Received(4)));
        foreach (var socket in sockets)
        {
            Assert.Equal("snapshot", socket.Messages[0].Kind);
            Assert.Equal([1L, 2L, 3L], socket.Messages.Where(m => m is { Kind: "batch", Epoch: "e" }).Select(m => m.Version)); // the board's own batches may come between
            socket.Abort();
        }

        await Task.WhenAll(serving).WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>A wall that takes every message and keeps its kind, epoch and version; it receives nothing until aborted.</summary>
    private sealed class RecordingSocket : QuietSocket
    {
        private readonly List<(string Kind, string? Epoch, long? Version)> messages = [];

        public IReadOnlyList<(string Kind, string? Epoch, long? Version)> Messages
        {
            get
            {
                lock (messages)
                {
                    return [.. messages];
                }
            }
        }

        public async Task Received(int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (Messages.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.True(Messages.Count >= count, $"{Messages.Count} of {count} messages arrived");
        }

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            var message = JsonDocument.Parse(MessagePackSerializer.ConvertToJson(buffer.ToArray())).RootElement;
            var version = message[1].TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : (long?)null;
            var epoch = message[1].TryGetProperty("epoch", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            lock (messages)
            {
                messages.Add((message[0].GetString()!, epoch, version));
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>A wall on a line that takes nothing: every send and receive waits until it is aborted.</summary>
    private sealed class StuckSocket : QuietSocket
    {
        private int sends;

        public int Sends => sends;

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sends);
            await Aborted.WaitAsync(cancellationToken);
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }
    }

    /// <summary>A server-side socket for a wall that never says anything: its receive waits until it is aborted.</summary>
    private abstract class QuietSocket : WebSocket
    {
        private readonly TaskCompletionSource aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected Task Aborted => aborted.Task;

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => aborted.Task.IsCompleted ? WebSocketState.Aborted : WebSocketState.Open;

        public override string? SubProtocol => null;

        public override void Abort() => aborted.TrySetResult();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose() => Abort();

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            await aborted.Task.WaitAsync(cancellationToken);
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }
    }

    private static Task<(string Queue, string Seat)> Define(HttpClient admin) => MonitorHubTests.Define(admin);
}

/// <summary>A test's wall: reads the stream's [kind, body] messages in the background and keeps the board as the page does.</summary>
public sealed class WallStream : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly WallModel model = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<MonitorBatch> batches = new();
    private readonly System.Threading.Channels.Channel<MonitorSnapshot> snapshots = System.Threading.Channels.Channel.CreateUnbounded<MonitorSnapshot>();
    private readonly TaskCompletionSource<(WebSocketCloseStatus, string)> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;

    private WallStream(ClientWebSocket socket)
    {
        this.socket = socket;
        reading = Task.Run(Read);
    }

    public IEnumerable<long> Versions => batches.Select(b => b.Version);

    public IEnumerable<MonitorBatch> Received => batches;

    public WebSocketState State => socket.State;

    public static async Task<WallStream> Open(RunningHost host, string user, string? scope = null) => await Open(host, await host.As(user), scope);

    public static async Task<WallStream> Open(RunningHost host, HttpClient signedIn, string? scope = null)
    {
        var socket = Socket(signedIn.DefaultRequestHeaders.Authorization!.Parameter);
        await socket.ConnectAsync(Address(host, scope is null ? "" : "?" + scope), CancellationToken.None);
        return new WallStream(socket);
    }

    /// <summary>A wall as the page opens it: a ticket for the scope first, then the stream with the ticket alone.</summary>
    public static async Task<WallStream> OpenWithTicket(RunningHost host, HttpClient signedIn, string? department)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(Address(host, "?ticket=" + Uri.EscapeDataString(await Ticket(signedIn, department))), CancellationToken.None);
        return new WallStream(socket);
    }

    public static async Task<string> Ticket(HttpClient signedIn, string? department) =>
        (await signedIn.PostAsJsonAsync("/api/v1/wallboard/tickets", new { department }).Ok()).Str("value");

    /// <summary>A wall's upgrade request with a ticket, as a browser sends it (the key is RFC 6455's example).</summary>
    public static string Upgrade(string ticket) =>
        $"GET /streams/wallboard?ticket={Uri.EscapeDataString(ticket)} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    /// <summary>
    /// Sends a request over a bare TCP connection — in <paramref name="pieces"/> writes, or its first
    /// <paramref name="firstBytes"/> alone first — and reads the answer's status and body (none after a 101).
    /// </summary>
    public static async Task<(int Status, string Body)> Handshake(RunningHost host, string request, int pieces = 1, int firstBytes = 0)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync("127.0.0.1", host.Address.Port);
        var stream = tcp.GetStream();
        var bytes = Encoding.ASCII.GetBytes(request);
        var cuts = firstBytes > 0 ? [0, firstBytes, bytes.Length] : Enumerable.Range(0, pieces + 1).Select(i => bytes.Length * i / pieces).ToArray();
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            await stream.WriteAsync(bytes.AsMemory(cuts[i], cuts[i + 1] - cuts[i]));
            await stream.FlushAsync();
            await Task.Delay(100);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var answer = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var text = Encoding.UTF8.GetString(answer.ToArray());
            if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
            {
                var status = int.Parse(text.Split(' ')[1]);
                var length = System.Text.RegularExpressions.Regex.Match(text[..end], @"(?i)content-length:\s*(\d+)") is { Success: true } m ? int.Parse(m.Groups[1].Value) : 0;
                if (status == 101 || text.Length - end - 4 >= length)
                {
                    return (status, text[(end + 4)..]);
                }
            }

            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new Xunit.Sdk.XunitException($"The host closed before answering in full: '{text}'");
            }

            answer.Write(buffer, 0, read);
        }
    }

    /// <summary>The handshake's status: 101 when the wall opened, else the refusal.</summary>
    public static async Task<HttpStatusCode> Refusal(RunningHost host, object? user, string query, params (string Name, string Value)[] headers)
    {
        var token = user switch
        {
            string name => (await host.As(name)).DefaultRequestHeaders.Authorization!.Parameter,
            HttpClient client => client.DefaultRequestHeaders.Authorization!.Parameter,
            _ => null,
        };
        using var socket = Socket(token);
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            await socket.ConnectAsync(Address(host, query), CancellationToken.None);
            return socket.HttpStatusCode;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }

    public async Task<MonitorSnapshot> Snapshot()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await snapshots.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The snapshot waiting (the one sent on connecting), else a fresh one; then fresh ones until one matches (the board learns of new seats and queues a batch window later).</summary>
    public async Task<MonitorSnapshot> SnapshotWhen(Func<MonitorSnapshot, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var snapshot = snapshots.Reader.TryRead(out var waiting) ? waiting : await Fresh();
        while (!match(snapshot) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            snapshot = await Fresh();
        }

        return snapshot;
    }

    /// <summary>Asks for a snapshot and waits for it.</summary>
    public async Task<MonitorSnapshot> Fresh()
    {
        while (snapshots.Reader.TryRead(out _))
        {
        }

        await Ask("snapshot");
        return await Snapshot();
    }

    public Task Ask(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<(WebSocketCloseStatus, string)> Closed() => await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));

    public async Task<MonitorBatch> WaitFor(Func<MonitorBatch, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (batches.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new Xunit.Sdk.XunitException($"No matching batch among {batches.Count} received.");
    }

    private static ClientWebSocket Socket(string? token)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (token is not null)
        {
            socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        }

        return socket;
    }

    private static Uri Address(RunningHost host, string query) => new($"ws://{host.Address.Authority}/streams/wallboard{query}");

    private async Task Read()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    closed.TrySetResult((result.CloseStatus!.Value, result.CloseStatusDescription ?? ""));
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    Take(JsonDocument.Parse(MessagePackSerializer.ConvertToJson(message.ToArray())).RootElement);
                    message.SetLength(0);
                }
            }
        }
        catch (WebSocketException e)
        {
            closed.TrySetException(e);
        }
    }

    private void Take(JsonElement message)
    {
        var (kind, body) = (message[0].GetString(), message[1]);
        lock (model)
        {
            if (kind == "snapshot")
            {
                snapshots.Writer.TryWrite(model.Load(body));
            }
            else
            {
                batches.Enqueue(model.Apply(body).Batch);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
        }

        socket.Abort();
        await reading.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        socket.Dispose();
    }
}
