using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallCenter.LoadTests;

/// <summary>
/// The wallboard benchmark's physical limit: a bare Kestrel WebSocket endpoint in the host's process that writes the
/// same batch bytes (the wall's JSON wire form, serialised once) to every connected socket, with no SignalR and no
/// Orleans.
/// </summary>
public sealed class RawWall : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<WebSocket, SemaphoreSlim> sockets = new();

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
            wall.sockets[socket] = new SemaphoreSlim(1);
            var buffer = new byte[256];
            while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, context.RequestAborted)).CloseStatus.HasValue)
            {
            }

            wall.sockets.TryRemove(socket, out _);
        });
        await app.StartAsync();
        return wall;
    }

    /// <summary>Serialises the batch once and writes it to every socket, one write at a time per socket.</summary>
    public Task Broadcast(object batch)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(batch);
        return Task.WhenAll(sockets.Select(async pair =>
        {
            await pair.Value.WaitAsync();
            try
            {
                await pair.Key.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
            finally
            {
                pair.Value.Release();
            }
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>A client of <see cref="RawWall"/>: reads whole text messages and hands each batch on.</summary>
public sealed class RawClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ClientWebSocket socket = new();
    private readonly CancellationTokenSource stop = new();
    private Task reading = Task.CompletedTask;

    public static async Task<RawClient> Connect(Uri url, Action<WallboardClients.WireBatch> onBatch)
    {
        var client = new RawClient();
        await client.socket.ConnectAsync(new Uri($"ws://{url.Authority}/raw"), CancellationToken.None);
        client.reading = Task.Run(() => client.Read(onBatch));
        return client;
    }

    private async Task Read(Action<WallboardClients.WireBatch> onBatch)
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
                    onBatch(JsonSerializer.Deserialize<WallboardClients.WireBatch>(message.GetBuffer().AsSpan(0, (int)message.Length), Json)!);
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
