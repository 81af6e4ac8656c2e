using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallCenter.LoadTests;

/// <summary>
/// The wallboard benchmark's physical limit: a bare Kestrel WebSocket endpoint in the host's process that writes the
/// same batch (the wall's wire form as MessagePack, serialised once) to every connected socket, each socket with its
/// own queue and send loop as SignalR has, with no SignalR framing or groups and no Orleans.
/// </summary>
public sealed class RawWall : IAsyncDisposable
{
    private readonly WebApplication app;
    public static readonly MessagePackSerializerOptions Options = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance);

    private readonly ConcurrentDictionary<WebSocket, Channel<byte[]>> sockets = new();

    private RawWall(WebApplication app) => this.app = app;

    public Uri Address => new(app.Urls.First());

    public int Connected => sockets.Count;

    public static async Task<RawWall> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var wall = new RawWall(app);
        app.UseWebSockets();
        app.Map("/raw", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
            wall.sockets[socket] = outbox;
            var sending = Task.Run(async () =>
            {
                try
                {
                    await foreach (var bytes in outbox.Reader.ReadAllAsync())
                    {
                        await socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);
                    }
                }
                catch (WebSocketException)
                {
                }
            });
            var buffer = new byte[256];
            try
            {
                while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, context.RequestAborted)).CloseStatus.HasValue)
                {
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
            }

            wall.sockets.TryRemove(socket, out _);
            outbox.Writer.TryComplete();
            await sending;
        });
        await app.StartAsync();
        return wall;
    }

    /// <summary>Serialises the batch once and queues the bytes for every socket.</summary>
    public Task Broadcast(object batch)
    {
        var bytes = MessagePackSerializer.Serialize(batch, Options);
        foreach (var outbox in sockets.Values)
        {
            outbox.Writer.TryWrite(bytes);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>
/// A client of <see cref="RawWall"/> (bare batches), or of the host's wall stream (<c>/streams/wallboard</c>, messages
/// <c>[kind, body]</c>, batches handed on, snapshots skipped): reads whole messages and hands each batch on.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    public bool Open => socket.State == WebSocketState.Open;

    /// <summary>
    /// Opens a client: of the raw broadcast without a token; of the host's wall stream with one — through a ticket, as
    /// the page does (served below the host's HTTP layer), or with <paramref name="overHttp"/> by bearer token on the
    /// HTTP endpoint.
    /// </summary>
    public static async Task<RawClient> Connect(Uri url, Action<WallboardClients.WireBatch> onBatch, string? streamToken = null, bool overHttp = false)
    {
        var client = new RawClient();
        var address = $"ws://{url.Authority}/raw";
        if (streamToken is not null)
        {
            client.socket.Options.SetRequestHeader("Authorization", $"Bearer {streamToken}");
            address = overHttp ? $"ws://{url.Authority}/streams/wallboard" : $"ws://{url.Authority}/streams/wallboard?ticket={Uri.EscapeDataString(await Ticket(url, streamToken))}";
        }

        await client.socket.ConnectAsync(new Uri(address), CancellationToken.None);
        client.reading = Task.Run(() => client.Read(onBatch, framed: streamToken is not null));
        return client;
    }

    private static readonly HttpClient Http = new();

    private static async Task<string> Ticket(Uri url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, "/api/v1/wallboard/tickets")) { Content = JsonContent.Create(new { }) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString()!;
    }

    /// <summary>A wall stream message: its kind and, for a batch, what the benchmark reads of it.</summary>
    [MessagePackObject]
    public sealed class StreamMessage
    {
        [Key(0)]
        public string Kind { get; set; } = "";

        [Key(1)]
        public WallboardClients.WireBatch Body { get; set; } = new();
    }

    private async Task Read(Action<WallboardClients.WireBatch> onBatch, bool framed)
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var bytes = message.GetBuffer().AsMemory(0, (int)message.Length);
                    if (!framed)
                    {
                        onBatch(MessagePackSerializer.Deserialize<WallboardClients.WireBatch>(bytes, RawWall.Options));
                    }
                    else if (MessagePackSerializer.Deserialize<StreamMessage>(bytes, RawWall.Options) is { Kind: "batch" } batch)
                    {
                        onBatch(batch.Body);
                    }

                    message.SetLength(0);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await reading;
        socket.Dispose();
    }
}
