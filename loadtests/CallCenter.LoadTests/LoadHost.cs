using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CallCenter.Host;
using Microsoft.AspNetCore.Builder;

namespace CallCenter.LoadTests;

/// <summary>An embedded host on 127.0.0.1 with a throwaway data directory, for one benchmark run.</summary>
public sealed class LoadHost : IAsyncDisposable
{
    public const string Password = "Load-pass-1";
    public const string ApiKey = "load-test-key";

    private readonly string dataDir;

    private LoadHost(WebApplication app, string dataDir)
    {
        App = app;
        this.dataDir = dataDir;
        Address = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<LoadHost> Start(params string[] extra)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "cc-load-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("CALLCENTER_DEMO_PASSWORD", Password);
        var app = CallCenterApp.Build(
        [
            "--urls=http://127.0.0.1:0", $"--CallCenter:DataDir={dataDir}", $"--CallCenter:SiloPort={FreePort()}",
            $"--CallCenter:GatewayPort={FreePort()}", "--CallCenter:Simulator:Enabled=false", $"--CallCenter:Cti:ApiKey={ApiKey}",
            "--Logging:LogLevel:Default=Warning", .. extra,
        ]);
        await app.StartAsync();
        return new LoadHost(app, dataDir);
    }

    public Task<string> Token(string user) => Token(Address, user);

    /// <summary>Signs <paramref name="user"/> in at a host and returns the access token.</summary>
    public static async Task<string> Token(Uri address, string user)
    {
        using var http = new HttpClient { BaseAddress = address };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpClient> Client(string user)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(user));
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
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }
}
