using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CallCenter.Routing;
using Microsoft.AspNetCore.SignalR.Client;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CallCenter.Host.Tests;

/// <summary>The real host (silo, API, hubs) on 127.0.0.1 with free ports and its own data directory.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string Password = "Demo-pass-1";
    public const string ApiKey = "test-softswitch-key";

    private readonly WebApplication app;

    private RunningHost(WebApplication app, Uri address, string dataDir)
    {
        this.app = app;
        Address = address;
        DataDir = dataDir;
    }

    public Uri Address { get; }

    public string DataDir { get; }

    /// <summary>The host's services, for tests that drive one of its parts directly.</summary>
    public IServiceProvider Services => app.Services;

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "cc-host-" + Guid.NewGuid().ToString("N"));

    public static async Task<RunningHost> Start(string? dataDir = null, params string[] extra)
    {
        dataDir ??= NewDataDir();
        Environment.SetEnvironmentVariable("CALLCENTER_DEMO_PASSWORD", Password);
        var app = CallCenterApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--CallCenter:DataDir={dataDir}",
            $"--CallCenter:SiloPort={FreePort()}",
            $"--CallCenter:GatewayPort={FreePort()}",
            "--CallCenter:Simulator:Enabled=false",
            $"--CallCenter:Cti:ApiKey={ApiKey}",
            "--Logging:LogLevel:Default=Warning",
            .. extra,
        ]);
        await app.StartAsync();
        return new RunningHost(app, new Uri(app.Urls.First()), dataDir);
    }

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    /// <summary>A softswitch adapter on /hubs/cti that collects every command it receives.</summary>
    public async Task<HubConnection> CtiAdapter(ConcurrentQueue<CtiCommand> commands)
    {
        var adapter = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "/hubs/cti"), o => o.Headers["X-Api-Key"] = ApiKey)
            .Build();
        adapter.On<CtiCommand>("Command", commands.Enqueue);
        await adapter.StartAsync();
        return adapter;
    }

    public HttpClient Softswitch()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public async Task<HttpClient> As(string user, string password = Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
