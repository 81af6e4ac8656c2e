using System.Net.WebSockets;
using System.Threading.Channels;
using CallCenter.Host.Identity;
using MessagePack;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CallCenter.Host;

/// <summary>
/// The wallboards watching this host over <c>/streams/wallboard</c>: a read-only WebSocket per wall that costs the host
/// about a quarter less memory than a hub connection (no SignalR connection, transport pipes or per-connection
/// protocol state) and no SignalR framing per message, for centres that leave hundreds of walls open. Each message is
/// a MessagePack array <c>[kind, body]</c>: kind <c>"snapshot"</c> with the body <see cref="MonitorHub.Snapshot"/>
/// returns, or <c>"batch"</c> with the body a hub client's Batch receives, the same bytes for every wall of a scope.
/// The snapshot always comes first; batches that come while it is read follow it. The client's one message is the text
/// <c>snapshot</c>, asking for a new one (after a gap or a new epoch). Sessions are checked on each such request and
/// every <see cref="SessionSettings.StreamCheckSeconds"/>: a wall whose sign-in ended is closed (policy violation).
/// </summary>
public sealed class WallStreams(MonitorScopes scopes, IGrainFactory grains, IOptions<MessagePackHubProtocolOptions> messagePack,
    IOptions<JsonHubProtocolOptions> json, CallCenterSettings settings, TimeProvider time, ILogger<WallStreams> logger) : BackgroundService
{
    /// <summary>Messages a wall may have waiting; a wall that falls this far behind is dropped and starts over with a snapshot.</summary>
    public const int Backlog = 64;

    /// <summary>Ping every 15 s and drop a wall that has not answered for 30 s more (a switched-off screen, a cut cable).</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    /// <inheritdoc cref="KeepAliveInterval"/>
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(30);

    private readonly Dictionary<MonitorScope, HashSet<Wall>> walls = [];

    /// <summary>
    /// Walls a batch is queued for before the fan-out lets the thread pool run: their sends then reach the sockets
    /// before the next walls' are written, so a batch to 10,000 walls does not hold 10,000 of Kestrel's pooled 4 KiB
    /// blocks at once (the pool keeps what it once needed).
    /// </summary>
    public const int FanOutChunk = 128;

    private readonly SemaphoreSlim fanning = new(1, 1);

    /// <summary>Serialises a scope's batch once and queues it for each of that scope's walls on this host, batch after batch.</summary>
    public async Task Send(MonitorScope scope, Dictionary<string, object?> batch)
    {
        Wall[] watching;
        lock (walls)
        {
            if (!walls.TryGetValue(scope, out var set) || set.Count == 0)
            {
                return;
            }

            watching = [.. set];
        }

        var bytes = Message("batch", batch);
        await fanning.WaitAsync();
        try
        {
            for (var i = 0; i < watching.Length; i++)
            {
                if (i > 0 && i % FanOutChunk == 0)
                {
                    await Task.Yield();
                }

                watching[i].Post(bytes);
            }
        }
        finally
        {
            fanning.Release();
        }
    }

    /// <summary>Runs one accepted wall until it or the host closes it.</summary>
    public async Task Serve(WebSocket socket, MonitorScope scope, string user, string? session, CancellationToken aborted)
    {
        var wall = new Wall(socket, user, session, logger);
        Add(scope, wall);
        try
        {
            await wall.Run(() => Snapshot(scope), () => Sessions.IsLive(grains, user, session), aborted);
        }
        finally
        {
            Remove(scope, wall);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, settings.Sessions.StreamCheckSeconds)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CloseEndedSessions();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CloseEndedSessions()
    {
        List<Wall> all;
        lock (walls)
        {
            all = [.. walls.Values.SelectMany(w => w)];
        }

        foreach (var signIn in all.GroupBy(w => (w.User, w.Session)))
        {
            try
            {
                if (!await Sessions.IsLive(grains, signIn.Key.User, signIn.Key.Session))
                {
                    foreach (var wall in signIn)
                    {
                        wall.End(WebSocketCloseStatus.PolicyViolation, "session-ended");
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not check the session of {User}'s wallboards; checked again next time", signIn.Key.User);
            }
        }
    }

    private async Task<byte[]> Snapshot(MonitorScope scope) => Message("snapshot", await WallWire.Snapshot(grains, scope, json.Value.PayloadSerializerOptions));

    private byte[] Message(string kind, Dictionary<string, object?> body) =>
        MessagePackSerializer.Serialize<object[]>([kind, body], messagePack.Value.SerializerOptions);

    private void Add(MonitorScope scope, Wall wall)
    {
        lock (walls)
        {
            if (!walls.TryGetValue(scope, out var set))
            {
                walls[scope] = set = [];
            }

            set.Add(wall);
        }

        scopes.Add(scope);
    }

    private void Remove(MonitorScope scope, Wall wall)
    {
        lock (walls)
        {
            if (walls.TryGetValue(scope, out var set) && set.Remove(wall) && set.Count == 0)
            {
                walls.Remove(scope);
            }
        }

        scopes.Remove(scope);
    }

    /// <summary>One open wall: a bounded outbox written by one send loop, and a receive loop for its snapshot requests.</summary>
    private sealed class Wall(WebSocket socket, string user, string? session, ILogger logger)
    {
        private readonly Channel<byte[]> outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Backlog) { SingleReader = true });
        private readonly TaskCompletionSource receiving = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Closing? ending;

        // Batches that came before the first snapshot was read: a batch laid over no snapshot, or one the snapshot
        // then overwrites, would be lost to the wall.
        private List<byte[]>? early = [];

        public string User => user;

        public string? Session => session;

        public void Post(byte[] message)
        {
            if (Volatile.Read(ref early) is not null)
            {
                lock (outbox)
                {
                    if (early is not null)
                    {
                        if (early.Count < Backlog - 1) // the snapshot goes before them into the same outbox
                        {
                            early.Add(message);
                        }
                        else
                        {
                            Drop();
                        }

                        return;
                    }
                }
            }

            if (!outbox.Writer.TryWrite(message))
            {
                Drop();
            }
        }

        /// <summary>The wall's first message, its snapshot, then the batches that came while it was being read.</summary>
        private void Open(byte[] snapshot)
        {
            lock (outbox)
            {
                var waiting = early!;
                Volatile.Write(ref early, null);
                if (!outbox.Writer.TryWrite(snapshot) || !waiting.All(outbox.Writer.TryWrite))
                {
                    Drop();
                }
            }
        }

        /// <summary>Its sends are stuck, so no close frame would get through: drop it; the page reconnects and starts over.</summary>
        private void Drop()
        {
            if (Volatile.Read(ref ending) is not null)
            {
                return; // ended already: its outbox takes nothing more
            }

            logger.LogInformation("A wallboard stream of {User} fell {Backlog} messages behind and was dropped", user, Backlog);
            End(WebSocketCloseStatus.PolicyViolation, "too-slow");
            socket.Abort();
        }

        /// <summary>Ends the wall with the first reason given (the receive loop, the session check and the relay may race).</summary>
        public void End(WebSocketCloseStatus status, string reason)
        {
            Interlocked.CompareExchange(ref ending, new Closing(status, reason), null);
            outbox.Writer.TryComplete();
        }

        public async Task Run(Func<Task<byte[]>> snapshot, Func<Task<bool>> live, CancellationToken aborted)
        {
            var sending = SendAll(aborted);
            var request = new byte[16];
            try
            {
                Open(await snapshot());
                while (socket.State == WebSocketState.Open)
                {
                    var received = await socket.ReceiveAsync(request.AsMemory(), aborted);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        End(WebSocketCloseStatus.NormalClosure, "");
                        break;
                    }

                    if (received is { MessageType: WebSocketMessageType.Text, EndOfMessage: true, Count: 8 } && request.AsSpan(0, 8).SequenceEqual("snapshot"u8))
                    {
                        if (!await live())
                        {
                            End(WebSocketCloseStatus.PolicyViolation, "session-ended");
                            break;
                        }

                        Post(await snapshot());
                    }
                    else
                    {
                        End(WebSocketCloseStatus.InvalidPayloadData, "only-snapshot");
                        break;
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A wallboard stream of {User} could not load the board; the wall reconnects", user);
                End(WebSocketCloseStatus.InternalServerError, "unavailable");
            }
            finally
            {
                receiving.TrySetResult();
                outbox.Writer.TryComplete();
                await sending;
            }
        }

        private async Task SendAll(CancellationToken aborted)
        {
            await Task.Yield();
            try
            {
                await foreach (var message in outbox.Reader.ReadAllAsync(aborted))
                {
                    if (Volatile.Read(ref ending) is not null)
                    {
                        break;
                    }

                    await socket.SendAsync(message, WebSocketMessageType.Binary, true, aborted);
                }

                if (Volatile.Read(ref ending) is { } end && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    // Closed by us: the wall answers with its own close, which ends the receive loop; 5 s at most.
                    using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.CloseOutputAsync(end.Status, end.Reason, grace.Token);
                    await receiving.Task.WaitAsync(grace.Token);
                    return;
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                logger.LogDebug(e, "A wallboard stream of {User} ended while sending", user);
            }

            socket.Abort();
        }

        private sealed record Closing(WebSocketCloseStatus Status, string Reason);
    }
}
