using System.Collections.Concurrent;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// Requests to whichever host is up, as a load balancer in front of the cluster would send them: a host marked down
/// is skipped, and a refused connection or a 5xx moves on to the next host, for up to 30 seconds.
/// </summary>
public sealed class AnyHost(IReadOnlyList<ClusterHost> hosts, Action<HttpClient> configure) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpClient> clients = new();
    private readonly HashSet<string> down = [];
    private int next;

    public void Down(ClusterHost host)
    {
        lock (down)
        {
            down.Add(host.Name);
        }
    }

    public void Up(ClusterHost host)
    {
        lock (down)
        {
            down.Remove(host.Name);
        }
    }

    /// <summary>The response of the first host that answers below 500, or null if none did within 30 seconds.</summary>
    public async Task<HttpResponseMessage?> Send(Func<HttpClient, Task<HttpResponseMessage>> request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Pick() is { } host)
            {
                try
                {
                    var response = await request(Client(host));
                    if ((int)response.StatusCode < 500)
                    {
                        return response;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
            }

            await Task.Delay(200);
        }

        return null;
    }

    public HttpClient Client(ClusterHost host) => clients.GetOrAdd(host.Name, _ =>
    {
        var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        configure(client);
        return client;
    });

    private ClusterHost? Pick()
    {
        lock (down)
        {
            var live = hosts.Where(h => !down.Contains(h.Name) && h.Running).ToList();
            return live.Count == 0 ? null : live[(int)((uint)Interlocked.Increment(ref next) % live.Count)];
        }
    }

    public void Dispose()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }
}
