using CallCenter.History;
using CallCenter.Grading;
using CallCenter.History.Reporting;
using CallCenter.Reporting;
using CallCenter.Storage;
using CallCenter.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Storage;

namespace CallCenter.Host.Tests;

/// <summary>
/// An installation made by the previous release kept its audit trail in grain state, one row per day. The new release
/// moves it into the query store on its first start, lines, hashes and order unchanged, removes the old rows, and a
/// second start imports nothing twice.
/// </summary>
public sealed class HistoryUpgradeTests
{
    private static readonly DateOnly[] Days = [new(2026, 11, 20), new(2026, 11, 21)];

    [Fact]
    public async Task An_embedded_data_dir_of_the_previous_release_keeps_its_audit_trail_chained_after_the_upgrade()
    {
        var dataDir = RunningHost.NewDataDir();
        var grains = Path.Combine(dataDir, "callcenter.db");
        var written = await WriteLegacyTrail("callcenter", silo => silo.UseCallCenterSqlite(grains, StorageNames.Grains));

        await using (var host = await RunningHost.Start(dataDir))
        {
            await AssertImported(host, written);
        }

        await using (var again = await RunningHost.Start(dataDir))
        {
            await AssertImported(again, written);
        }

        await using var connection = new SqliteConnection($"Data Source={grains}");
        await connection.OpenAsync();
        await using var left = connection.CreateCommand();
        left.CommandText = "SELECT count(*) FROM grain_state WHERE state_name IN ('audit-day', 'recorded-calls', 'quality-month', 'corrections', 'work-order-list')";
        Assert.Equal(0L, await left.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_day_written_by_both_releases_is_left_apart_and_reported_while_the_other_days_are_imported()
    {
        var dataDir = RunningHost.NewDataDir();
        var grains = Path.Combine(dataDir, "callcenter.db");
        var written = await WriteLegacyTrail("callcenter", silo => silo.UseCallCenterSqlite(grains, StorageNames.Grains));
        var location = CallCenter.History.HistoryLocation.Embedded(dataDir);
        await CallCenter.History.HistorySetup.Migrate(location, LegacyRows.None);
        await using (var newer = new ServiceCollection().AddLogging().AddCallCenterHistory(location).BuildServiceProvider())
        {
            await newer.GetRequiredService<IAuditTrail>().Append(Days[0], new AuditEntry(DateTimeOffset.Now, "admin", "seat-login", "S09", "by a newer host"));
        }

        await using var host = await RunningHost.Start(dataDir);
        var supervisor = await host.As("supervisor");
        var kept = (await supervisor.GetAsync($"/api/v1/audit/{Days[0]:yyyy-MM-dd}").Ok()).EnumerateArray().ToList();
        Assert.Equal(["S09"], kept.Select(l => l.Str("subject")));
        await AssertImported(host, new Dictionary<DateOnly, List<AuditEntry>> { [Days[1]] = written[Days[1]] });

        await using var connection = new SqliteConnection($"Data Source={grains}");
        await connection.OpenAsync();
        await using var left = connection.CreateCommand();
        left.CommandText = "SELECT grain_id FROM grain_state WHERE state_name = 'audit-day'";
        Assert.Equal($"audit-day/{Days[0]:yyyy-MM-dd}", (string?)await left.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_cluster_database_of_the_previous_release_keeps_its_audit_trail_chained_after_the_upgrade()
    {
        var database = await TestPostgres.NewDatabase("upg_");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await PostgresMigrator.MigrateAsync(database);
        var written = await WriteLegacyTrail(name, silo => silo.UseCallCenterPostgres(database, StorageNames.Grains));
        string[] cluster =
        [
            "--CallCenter:Mode=Cluster", $"--ConnectionStrings:Postgres={database}", $"--CallCenter:ClusterId={name}",
            $"--CallCenter:ServiceId={name}", "--CallCenter:Demo:SeedUsers=true",
        ];

        await using (var host = await RunningHost.Start(null, cluster))
        {
            await AssertImported(host, written);
        }

        await using (var again = await RunningHost.Start(null, cluster))
        {
            await AssertImported(again, written);
        }
    }

    private static async Task AssertImported(RunningHost host, Dictionary<DateOnly, List<AuditEntry>> written)
    {
        var supervisor = await host.As("supervisor");
        var agents = (await supervisor.GetAsync($"/api/v1/grading/reports/agents?month={Month}").Ok()).EnumerateArray()
            .Select(a => (a.Str("agent"), a.GetProperty("evaluations").GetInt32(), a.Str("average"), a.GetProperty("criticalFails").GetInt32(), a.GetProperty("vetoes").GetInt32()));
        Assert.Equal([("agent1", 2, "70", 1, 0), ("agent2", 0, "", 0, 1)], agents);
        var sample = await supervisor.PostAsJsonAsync("/api/v1/grading/samples", new { week = Week, perAgent = 1, graders = new[] { "grader" } }).Ok();
        Assert.Equal(2, sample.GetProperty("candidates").GetInt32());
        foreach (var query in new[] { "", $"?month={Month}" })
        {
            var orders = (await supervisor.GetAsync($"/api/v1/work-orders{query}").Ok()).EnumerateArray().ToList();
            Assert.Equal([("WO20261120-old", "InHand", "数电发票红冲")], orders.Select(o => (o.Str("orderId"), o.Str("status"), o.Str("brief"))));
        }

        var corrections = (await supervisor.GetAsync("/api/v1/grading/corrections").Ok()).EnumerateArray().ToList();
        Assert.Equal([("old-call-1.125", "13900001111", "CallbackOpen")], corrections.Select(c => (c.Str("correctionId"), c.Str("caller"), c.Str("status"))));
        foreach (var (day, entries) in written)
        {
            var key = day.ToString("yyyy-MM-dd");
            var lines = (await supervisor.GetAsync($"/api/v1/audit/{key}").Ok()).EnumerateArray().ToList();
            Assert.Equal(entries.Select(e => (e.Action, e.Subject, e.Hash ?? "")), lines.Select(l => (l.Str("action"), l.Str("subject"), l.Str("hash"))));
            var verified = await supervisor.GetAsync($"/api/v1/audit/verify?day={key}").Ok();
            Assert.Equal(("True", entries.Count), (verified.Str("intact"), verified.GetProperty("lines").GetInt32()));
        }
    }

    /// <summary>Writes two days of chained audit lines the way the previous release did: through the grain storage, state "audit-day".</summary>
    private static async Task<Dictionary<DateOnly, List<AuditEntry>>> WriteLegacyTrail(string serviceId, Action<ISiloBuilder> storage)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(RunningHost.FreePort(), RunningHost.FreePort(), serviceId: serviceId, clusterId: serviceId);
            storage(silo);
        });
        using var silo = builder.Build();
        await silo.StartAsync();
        var store = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var written = new Dictionary<DateOnly, List<AuditEntry>>();
        foreach (var day in Days)
        {
            var key = day.ToString("yyyy-MM-dd");
            var previous = AuditChain.Genesis(key);
            var entries = new List<AuditEntry>();
            foreach (var (action, subject) in new[] { ("queue-define", "vat"), ("seat-define", "S01"), ("seat-login", "S01") })
            {
                var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, entries.Count, 7)).AddTicks(1234567), TimeSpan.FromHours(8));
                var entry = AuditChain.Link(new AuditEntry(at, "admin", action, subject, $"{action} on {key}"), previous);
                entries.Add(entry);
                previous = entry.Hash!;
            }

            await store.WriteStateAsync("audit-day", GrainId.Create("audit-day", key), new GrainState<LegacyAuditDay>(new LegacyAuditDay { Entries = entries }));
            written[day] = entries;
        }

        // The recordings index of a week and the evaluations and vetoes of a month, as the previous release kept them.
        var made = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));
        await store.WriteStateAsync("recorded-calls", GrainId.Create("recorded-calls", Week), new GrainState<LegacyWeek>(new LegacyWeek
        {
            Calls = new()
            {
                ["old-call-1"] = new RecordedCall("old-call-1", "agent1", "vat", made, 12.5, 0, SurveyScore: 1),
                ["old-call-2"] = new RecordedCall("old-call-2", "agent2", "vat", made.AddMinutes(5), 0, 3),
            },
        }));
        await store.WriteStateAsync("quality-month", GrainId.Create("quality-month", Month), new GrainState<LegacyQualityMonth>(new LegacyQualityMonth
        {
            Evaluations = new()
            {
                ["old-call-1.grader"] = new ScoredEvaluation("old-call-1.grader", "agent1", 80, false, new Dictionary<string, decimal?> { ["q1"] = 100 }, made, "vat"),
                ["old-call-2.grader"] = new ScoredEvaluation("old-call-2.grader", "agent1", 60, true, new Dictionary<string, decimal?> { ["q1"] = 50 }, made, "vat"),
            },
            Vetoes = new() { ["WO-old"] = new Veto("WO-old", "agent2", made, "服务态度") },
        }));
        var order = new CallCenter.WorkOrders.WorkOrderSummary("WO20261120-old", CallCenter.WorkOrders.WorkOrderKind.HardQuestion, CallCenter.WorkOrders.WorkOrderStatus.InHand,
            "tax", "agent1", "liaison1", CallCenter.WorkOrders.AssigneeLevel.Liaison, "数电发票红冲", null, made.AddDays(3), false, 0, 0, made, null, null, null, null, null,
            ["agent1", "liaison1"], null);
        foreach (var list in new[] { Month, "open" })
        {
            await store.WriteStateAsync("work-order-list", GrainId.Create("work-order-list", list), new GrainState<LegacyOrderList>(new LegacyOrderList { Orders = new() { [order.OrderId] = order } }));
        }

        await store.WriteStateAsync("corrections", GrainId.Create("corrections", "0"), new GrainState<LegacyCorrections>(new LegacyCorrections
        {
            Corrections = new()
            {
                ["old-call-1.125"] = new Correction("old-call-1.125", "old-call-1", "agent1", "13900001111", 12.5, "免征额是10万", "月销售额10万元以下",
                    null, "grader", made, made.AddHours(8), CorrectionStatus.CallbackOpen),
            },
        }));

        await silo.StopAsync();
        return written;
    }

    private const string Week = "2026-W47";
    private const string Month = "2026-11";

    private sealed class LegacyAuditDay
    {
        public List<AuditEntry> Entries { get; set; } = [];
    }

    private sealed class LegacyWeek
    {
        public Dictionary<string, RecordedCall> Calls { get; set; } = [];
    }

    private sealed class LegacyOrderList
    {
        public Dictionary<string, CallCenter.WorkOrders.WorkOrderSummary> Orders { get; set; } = [];
    }

    private sealed class LegacyCorrections
    {
        public Dictionary<string, Correction> Corrections { get; set; } = [];
    }

    private sealed class LegacyQualityMonth
    {
        public Dictionary<string, ScoredEvaluation> Evaluations { get; set; } = [];

        public Dictionary<string, Veto> Vetoes { get; set; } = [];
    }
}
