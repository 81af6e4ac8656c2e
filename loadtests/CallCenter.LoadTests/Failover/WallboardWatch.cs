using System.Text.Json;
using System.Text.Json.Serialization;
using CallCenter.Monitoring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// A supervisor's wallboard on one host, kept the way the page keeps it: a snapshot, then the batches of the same epoch
/// in version order; a gap or a new epoch fetches a new snapshot. Records when each snapshot was loaded.
/// </summary>
public sealed class WallboardWatch : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly HubConnection connection;
    private readonly Dictionary<string, SeatTile> seats = [];
    private readonly List<DateTimeOffset> snapshots = [];
    private readonly List<JsonElement> pending = [];
    private readonly WallModel model = new();
    private string epoch = "";
    private long version = -1;
    private bool loaded;

    private WallboardWatch(HubConnection connection, string host)
    {
        this.connection = connection;
        Host = host;
    }

    public string Host { get; }

    public bool Connected => connection.State == HubConnectionState.Connected;

    public static async Task<WallboardWatch> Open(Uri address, string host, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/monitor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var watch = new WallboardWatch(connection, host);
        connection.On<JsonElement>("Batch", watch.Apply);
        await connection.StartAsync();
        await watch.Refresh();
        return watch;
    }

    public IReadOnlyList<DateTimeOffset> Snapshots
    {
        get
        {
            lock (gate)
            {
                return snapshots.ToList();
            }
        }
    }

    public IReadOnlyDictionary<string, SeatTile> Seats
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, SeatTile>(seats);
            }
        }
    }

    private void Apply(JsonElement wire)
    {
        lock (gate)
        {
            var (batchEpoch, batchVersion) = (wire.GetProperty("epoch").GetString()!, wire.GetProperty("version").GetInt64());
            if (!loaded)
            {
                pending.Add(wire); // applied after the snapshot being fetched if it is newer
                return;
            }

            if (batchEpoch != epoch || batchVersion > version + 1)
            {
                loaded = false;
                pending.Add(wire);
                _ = Refresh();
                return;
            }

            if (batchVersion <= version)
            {
                return;
            }

            var (batch, complete) = model.Apply(wire);
            if (!complete)
            {
                loaded = false; // a change to a seat this wall never had: as the page does, fetch a snapshot
                _ = Refresh();
                return;
            }

            foreach (var tile in batch.Seats)
            {
                seats[tile.SeatId] = tile;
            }

            version = batch.Version;
        }
    }

    private async Task Refresh()
    {
        while (true)
        {
            try
            {
                var wire = await connection.InvokeAsync<JsonElement>("Snapshot");
                lock (gate)
                {
                    var snapshot = model.Load(wire);
                    seats.Clear();
                    foreach (var tile in snapshot.Seats)
                    {
                        seats[tile.SeatId] = tile;
                    }

                    (epoch, version, loaded) = (snapshot.Epoch, snapshot.Version, true);
                    snapshots.Add(DateTimeOffset.UtcNow);
                    var later = pending.Where(b => b.GetProperty("epoch").GetString() == epoch && b.GetProperty("version").GetInt64() > version)
                        .OrderBy(b => b.GetProperty("version").GetInt64()).ToList();
                    pending.Clear();
                    later.ForEach(Apply);
                }

                return;
            }
            catch (Exception) when (connection.State != HubConnectionState.Disconnected)
            {
                await Task.Delay(500); // as the page does: try again while connected
            }
            catch (Exception)
            {
                return; // the host is gone: whoever watches this wall sees it stop
            }
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
