using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace CallCenter.Storage.Tests;

/// <summary>A real single silo whose storage providers the conformance suite calls directly.</summary>
public sealed class StorageHost : IAsyncDisposable
{
    public const string ProviderName = "conformance";

    private readonly IHost host;

    private StorageHost(IHost host) => this.host = host;

    public IGrainStorage Storage => host.Services.GetRequiredKeyedService<IGrainStorage>(ProviderName);

    public IReminderTable Reminders => host.Services.GetRequiredService<IReminderTable>();

    public static async Task<StorageHost> Start(string serviceId, Action<ISiloBuilder> storage)
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: serviceId, clusterId: serviceId);
                silo.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
                storage(silo);
            })
            .Build();
        await host.StartAsync();
        return new StorageHost(host);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
