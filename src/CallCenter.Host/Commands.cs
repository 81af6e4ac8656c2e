using CallCenter.History;
using CallCenter.Reporting;
using CallCenter.Host.Identity;
using CallCenter.Storage.PostgreSql;

namespace CallCenter.Host;

/// <summary>Operator commands: `dotnet run --project src/CallCenter.Host -- migrate`.</summary>
public static class Commands
{
    public static async Task<int> Migrate(string[] args)
    {
        var configuration = Configuration(args);
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("migrate needs ConnectionStrings__Postgres (e.g. Host=127.0.0.1;Port=5432;Username=callcenter;Password=…;Database=callcenter).");
            return 2;
        }

        var applied = await PostgresMigrator.MigrateAsync(connectionString);
        await IdentitySchema.EnsurePostgresAsync(connectionString);
        var settings = configuration.GetSection(CallCenterSettings.Section).Get<CallCenterSettings>() ?? new CallCenterSettings();
        var leftApart = await HistorySetup.Migrate(HistoryLocation.Cluster(connectionString), LegacyGrainState.Postgres(connectionString, settings.ServiceId));
        if (leftApart.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Audit days written by both releases, left in grain state (not merged): {string.Join(", ", leftApart)}");
        }

        Console.WriteLine($"PostgreSQL schema is up to date ({string.Join(", ", applied)}; identity tables; query store).");
        return 0;
    }

    /// <summary>
    /// `audit verify [yyyy-MM-dd]`: reads that day's audit chain (default today) from the query store (the embedded
    /// data directory's history.db or the cluster's PostgreSQL) and checks it; no host needs to run. Exit code 0
    /// intact, 1 broken, 2 cannot check.
    /// </summary>
    public static async Task<int> AuditVerify(string[] args, TextWriter output)
    {
        var configuration = Configuration(args);
        var settings = configuration.GetSection(CallCenterSettings.Section).Get<CallCenterSettings>() ?? new CallCenterSettings();
        var dayArgument = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        DateOnly? day = null;
        if (dayArgument is not null)
        {
            if (!DateOnly.TryParseExact(dayArgument, "yyyy-MM-dd", out var parsed))
            {
                await Console.Error.WriteLineAsync($"audit verify takes a day written yyyy-MM-dd, not '{dayArgument}'.");
                return 2;
            }

            day = parsed;
        }

        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddCallCenterHistory(settings.History(configuration.GetConnectionString("Postgres")))
            .BuildServiceProvider();
        var clock = new CallCenterClock(TimeProvider.System, CallCenterClock.FindZone(settings.TimeZone));
        var date = day ?? clock.Today;
        AuditVerification result;
        try
        {
            result = await services.GetRequiredService<IAuditTrail>().Verify(date);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await Console.Error.WriteLineAsync($"Cannot read the audit trail from the query store: {e.Message}");
            return 2;
        }

        var key = result.Day;
        await output.WriteLineAsync(result.Intact
            ? $"audit {key}: intact, {result.Lines} lines{(result.Unchained > 0 ? $" ({result.Unchained} written before chaining)" : "")}, head {result.Head ?? "-"}"
            : $"audit {key}: BROKEN, {result.Problem}");
        return result.Intact ? 0 : 1;
    }

    /// <summary>
    /// `probe [url]`: the container's health check without a shell or curl — exit 0 when the URL (default this host's
    /// /healthz on port 8080) answers 2xx with "Healthy", 1 otherwise.
    /// </summary>
    public static async Task<int> Probe(string[] args, TextWriter output)
    {
        var url = args.FirstOrDefault() ?? "http://127.0.0.1:8080/healthz";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var healthy = response.IsSuccessStatusCode && body.Contains("Healthy", StringComparison.Ordinal);
            await output.WriteLineAsync(healthy ? "Healthy" : $"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
            return healthy ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Unreachable: {e.Message}");
            return 1;
        }
    }

    /// <summary>`users …`: see <see cref="UsersCommand"/>.</summary>
    public static Task<int> Users(string[] args, TextWriter output)
    {
        // Every argument: "--roles Admin" is a key and its value here.
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = configuration.GetSection(CallCenterSettings.Section).Get<CallCenterSettings>() ?? new CallCenterSettings();
        return UsersCommand.Run(args, configuration, settings, output);
    }

    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
        .Build();
}
