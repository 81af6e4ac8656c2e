using System.Diagnostics;

namespace CallCenter.LoadTests.Failover;

/// <summary>
/// One CallCenter host process in Cluster mode on 127.0.0.1, started as an operator would (dotnet CallCenter.Host.dll)
/// with fixed ports, so a restarted host answers at the same address. Its output goes to a log file; settings beyond
/// the cluster's own (simulator, dashboard, membership timings) come from <see cref="Settings.Extra"/>.
/// </summary>
public sealed class ClusterHost(int index, ClusterHost.Settings settings)
{
    public sealed record Settings(string Database, string Cluster, string DataDir, string LogDir, IReadOnlyDictionary<string, string> Extra);

    private readonly int http = LoadHost.FreePort();
    private readonly int silo = LoadHost.FreePort();
    private readonly int gateway = LoadHost.FreePort();
    private Process? process;
    private int starts;

    public string Name { get; } = $"host{index + 1}";

    public Uri Address => new($"http://127.0.0.1:{http}");

    public int SiloPort => silo;

    public bool Running => process is { HasExited: false };

    /// <summary>Starts the process (it is healthy once <see cref="WaitHealthy"/> returns).</summary>
    public void Launch()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CallCenter.Host.dll"), $"--urls={Address}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env["CallCenter__Mode"] = "Cluster";
        env["ConnectionStrings__Postgres"] = settings.Database;
        env["CallCenter__ClusterId"] = settings.Cluster;
        env["CallCenter__ServiceId"] = settings.Cluster;
        env["CallCenter__SiloPort"] = silo.ToString();
        env["CallCenter__GatewayPort"] = gateway.ToString();
        env["CallCenter__DataDir"] = settings.DataDir;
        env["CallCenter__Demo__SeedUsers"] = "true";
        env["CallCenter__Cti__ApiKey"] = LoadHost.ApiKey;
        env["CALLCENTER_DEMO_PASSWORD"] = LoadHost.Password;
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings.Extra)
        {
            env[key] = value;
        }

        var log = new StreamWriter(Path.Combine(settings.LogDir, $"{Name}-{++starts}.log")) { AutoFlush = true };
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => log.Dispose();
        process.EnableRaisingEvents = true;
    }

    public async Task WaitHealthy(TimeSpan within)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline && Running)
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"{Name} at {Address} did not become healthy (exited: {!Running}); see {settings.LogDir}.");
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit(10_000);
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
