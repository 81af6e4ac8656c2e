using CallCenter.History;
using CallCenter.History.Reporting;
using CallCenter.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

/// <summary>The audit trail's writer: a line written twice is stored once, and hosts writing at once keep one chain.</summary>
public sealed class AuditStoreTests
{
    private static readonly DateOnly Day = new(2026, 11, 28);

    [Fact]
    public async Task The_same_line_written_twice_in_one_batch_or_in_two_is_stored_once()
    {
        var location = HistoryLocation.Embedded(RunningHost.NewDataDir());
        await HistorySetup.Migrate(location, LegacyRows.None);
        await using var services = Services(location);
        var trail = services.GetRequiredService<IAuditTrail>();
        var line = new AuditEntry(DateTimeOffset.Now, "admin", "queue-define", "vat", "name=增值税", LineId: "replayed-1");

        await Task.WhenAll(trail.Append(Day, line), trail.Append(Day, line));
        await trail.Append(Day, line with { At = line.At.AddSeconds(1) });
        await trail.Append(Day, new AuditEntry(DateTimeOffset.Now, "admin", "seat-define", "S01", null));

        var stored = await trail.Entries(Day);
        Assert.Equal(["queue-define", "seat-define"], stored.Select(e => e.Action));
        Assert.Equal(line.At, stored[0].At);
        Assert.True((await trail.Verify(Day)).Intact);
    }

    [Fact]
    public async Task Two_hosts_appending_to_the_same_day_at_once_keep_one_unbroken_chain_on_postgresql()
    {
        var location = HistoryLocation.Cluster(await TestPostgres.NewDatabase("audit_"));
        await HistorySetup.Migrate(location, LegacyRows.None);
        await using var hostA = Services(location);
        await using var hostB = Services(location);
        var (a, b) = (hostA.GetRequiredService<IAuditTrail>(), hostB.GetRequiredService<IAuditTrail>());

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            (i % 2 == 0 ? a : b).Append(Day, new AuditEntry(DateTimeOffset.Now, i % 2 == 0 ? "host-a" : "host-b", "message", $"S{i:D3}", null))));

        var verified = await a.Verify(Day);
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(300, verified.Lines);
        Assert.Equal(300, (await b.Entries(Day)).Select(e => e.Subject).Distinct().Count());
    }

    [Fact]
    public async Task A_store_made_by_an_earlier_version_of_the_schema_is_migrated_forward_with_its_lines_intact()
    {
        var location = HistoryLocation.Embedded(RunningHost.NewDataDir());
        await using (var first = HistorySetup.Open(location))
        {
            var migrations = first.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "the store has more than one migration");
            await first.GetService<IMigrator>().MigrateAsync(migrations[0]);
        }

        await using (var early = Services(location))
        {
            await early.GetRequiredService<IAuditTrail>().Append(Day, new AuditEntry(DateTimeOffset.Now, "admin", "queue-define", "vat", null));
        }

        await HistorySetup.Migrate(location, LegacyRows.None);
        await using var db = HistorySetup.Open(location);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        await using var services = Services(location);
        Assert.True((await services.GetRequiredService<IAuditTrail>().Verify(Day)) is { Intact: true, Lines: 1 });
        Assert.Empty((await services.GetRequiredService<CallCenter.Calls.ICallRecords>().Search(new CallCenter.Calls.CallQuery())).Items);
    }

    private static ServiceProvider Services(HistoryLocation location) =>
        new ServiceCollection().AddLogging().AddCallCenterHistory(location).BuildServiceProvider();

}
