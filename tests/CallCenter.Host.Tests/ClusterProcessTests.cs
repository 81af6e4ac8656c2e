using System.Text.Json;
using CallCenter.LoadTests;
using CallCenter.LoadTests.Failover;
using Npgsql;

namespace CallCenter.Host.Tests;

/// <summary>
/// The cluster as operators run it: two host processes in Cluster mode on the private PostgreSQL, one killed with
/// SIGKILL while calls ring and wait. The survivor carries every call to the end.
/// </summary>
public sealed class ClusterProcessTests : IAsyncLifetime
{
    private readonly List<ClusterHost> hosts = [];
    private readonly string cluster = "proc-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string work = Directory.CreateTempSubdirectory("callcenter-proc.").FullName;
    private string database = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.Create(TestPostgres.Server, cluster);
    }

    public Task DisposeAsync()
    {
        hosts.ForEach(h => h.Kill());
        Directory.Delete(work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_host_killed_mid_traffic_loses_no_call_and_leaves_no_seat_reserved()
    {
        var a = await StartHost();
        var b = await StartHost();
        var admin = await Login(a.Address, "admin");
        var supervisorB = await Login(b.Address, "supervisor");
        var softswitch = new HttpClient { BaseAddress = a.Address };
        softswitch.DefaultRequestHeaders.Add("X-Api-Key", LoadHost.ApiKey);

        await Api.DefineQueue(admin, "iit", new { name = "个人所得税", ringTimeoutSeconds = 5 });
        var seats = Enumerable.Range(1, 6).Select(i => $"P{i}").ToList();
        foreach (var seat in seats)
        {
            await Api.DefineSeat(admin, seat, "iit");
            await supervisorB.PostAsJsonAsync($"/api/v1/seats/{seat}/login", new { agent = "agent-" + seat, takeOver = true }).Ok();
            await supervisorB.PostAsJsonAsync($"/api/v1/seats/{seat}/state", new { state = "Ready" }).Ok();
        }

        var calls = Enumerable.Range(1, 16).Select(i => $"{cluster}-c{i}").ToList();
        foreach (var call in calls.Take(12))
        {
            await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = call, caller = "13800000000", queue = "iit" }).Expect(HttpStatusCode.Accepted);
        }

        var supervisorA = await Login(a.Address, "supervisor");
        await Drive(softswitch, supervisorA, calls.Take(12).ToList(), stopAfter: 3);

        b.Kill();

        foreach (var call in calls.Skip(12))
        {
            await Retry(() => softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = call, caller = "13900000000", queue = "iit" }), HttpStatusCode.Accepted);
        }

        await Drive(softswitch, supervisorA, calls, stopAfter: int.MaxValue);

        foreach (var call in calls)
        {
            var view = await supervisorA.GetAsync($"/api/v1/calls/{call}").Ok();
            Assert.Equal("Ended", view.Str("state"));
            Assert.Single(view.GetProperty("timeline").EnumerateArray(), t => t.Str("state") == "Connected");
        }

        var total = 0;
        foreach (var seat in seats)
        {
            var view = await supervisorA.GetAsync($"/api/v1/seats/{seat}").Ok();
            Assert.Equal("Ready", view.Str("state"));
            total += view.GetProperty("today").GetProperty("calls").GetInt32();
        }

        Assert.Equal(16, total);
        var stats = await supervisorA.GetAsync("/api/v1/queues/iit/stats").Ok();
        Assert.Equal((16, 16, 0), (stats.GetProperty("offered").GetInt32(), stats.GetProperty("answered").GetInt32(), stats.GetProperty("waiting").GetInt32()));
    }

    [Fact]
    public async Task Three_hosts_started_together_on_an_empty_database_all_come_up_with_one_set_of_users_and_no_simulator()
    {
        var started = Enumerable.Range(0, 3).Select(_ => Launch(simulator: null)).ToList();
        await Task.WhenAll(started.Select(h => h.WaitHealthy(TimeSpan.FromSeconds(90))));
        foreach (var address in started.Select(h => h.Address))
        {
            var admin = await Login(address, "admin");
            Assert.Equal("admin", (await admin.GetAsync("/api/v1/auth/me").Ok()).Str("userName"));
            await admin.GetAsync("/api/v1/seats/S01").Expect(HttpStatusCode.NotFound);
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM \"AspNetUsers\")::int, (SELECT count(*) FROM \"AspNetRoles\")::int", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((Identity.IdentityBootstrap.DemoUsers.Length, Identity.Roles.People.Length), (reader.GetInt32(0), reader.GetInt32(1)));
    }

    /// <summary>Answers every offered call, hangs up and ends wrap-up, until all calls ended (or enough answered).</summary>
    private static async Task Drive(HttpClient softswitch, HttpClient supervisor, List<string> calls, int stopAfter)
    {
        var answered = 0;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var states = new List<JsonElement>();
            foreach (var call in calls)
            {
                states.Add(await Retry(() => supervisor.GetAsync($"/api/v1/calls/{call}"), HttpStatusCode.OK));
            }

            if (states.All(s => s.Str("state") == "Ended"))
            {
                return;
            }

            foreach (var offered in states.Where(s => s.Str("state") == "Offered"))
            {
                var (callId, seatId) = (offered.Str("callId"), offered.Str("seatId"));
                var answer = await softswitch.PostAsJsonAsync($"/api/v1/cti/calls/{callId}/answered", new { seatId });
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    continue; // the offer timed out meanwhile; it will be offered again
                }

                await Retry(() => softswitch.PostAsync($"/api/v1/cti/calls/{callId}/ended", null), HttpStatusCode.OK);
                await Retry(() => supervisor.PostAsJsonAsync($"/api/v1/seats/{seatId}/state", new { state = "Ready" }), HttpStatusCode.OK, conflictMeansDone: true);
                if (++answered >= stopAfter)
                {
                    return;
                }
            }

            await Task.Delay(250);
        }

        throw new Xunit.Sdk.XunitException("Traffic did not settle within three minutes.");
    }

    /// <summary>
    /// Repeats a request while the cluster answers 5xx (failover), until it gives the expected status. A 5xx does not
    /// say the request was not carried out: with <paramref name="conflictMeansDone"/>, a 409 after a 5xx means the
    /// earlier attempt did it and the state has already moved on (a seat made Ready got its next offer at once).
    /// </summary>
    private static async Task<JsonElement> Retry(Func<Task<HttpResponseMessage>> send, HttpStatusCode expected, bool conflictMeansDone = false)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var failedBefore = false;
        while (true)
        {
            var response = await send();
            if (response.StatusCode == expected || (conflictMeansDone && failedBefore && response.StatusCode == HttpStatusCode.Conflict))
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            Assert.True((int)response.StatusCode >= 500 && DateTime.UtcNow < deadline, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            failedBefore = true;
            await Task.Delay(500);
        }
    }

    private static async Task<HttpClient> Login(Uri address, string user)
    {
        var client = new HttpClient { BaseAddress = address };
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = LoadHost.Password }).Ok();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Str("accessToken"));
        return client;
    }

    private async Task<ClusterHost> StartHost()
    {
        var host = Launch(simulator: false);
        await host.WaitHealthy(TimeSpan.FromSeconds(90));
        return host;
    }

    /// <summary>Starts a host process; <paramref name="simulator"/> null leaves the setting to the host's default.</summary>
    private ClusterHost Launch(bool? simulator)
    {
        var extra = new Dictionary<string, string>
        {
            ["CallCenter__Membership__ProbeTimeout"] = "00:00:01",
            ["CallCenter__Membership__NumMissedProbesLimit"] = "2",
            ["CallCenter__Membership__NumVotesForDeathDeclaration"] = "1",
        };
        if (simulator is { } enabled)
        {
            extra["CallCenter__Simulator__Enabled"] = enabled ? "true" : "false";
        }

        var host = new ClusterHost(hosts.Count, new ClusterHost.Settings(database, cluster, Path.Combine(work, "data"), work, extra));
        hosts.Add(host);
        host.Launch();
        return host;
    }
}
