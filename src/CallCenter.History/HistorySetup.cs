using CallCenter.History.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.History;

/// <summary>Where the query store lives: a SQLite file beside the embedded data, or the cluster's PostgreSQL database.</summary>
public sealed record HistoryLocation(string? SqlitePath, string? Postgres)
{
    public static HistoryLocation Embedded(string dataDir) => new(Path.Combine(dataDir, "history.db"), null);

    public static HistoryLocation Cluster(string postgres) => new(null, postgres);
}

public static class HistorySetup
{
    private const long MigrationLock = 12_366_014;

    /// <summary>Registers the store and its audit trail; <see cref="Migrate"/> must have run before the first write.</summary>
    public static IServiceCollection AddCallCenterHistory(this IServiceCollection services, HistoryLocation location)
    {
        services.TryAddSingleton(location);
        if (location.Postgres is { } postgres)
        {
            services.AddPooledDbContextFactory<PostgresHistoryDb>(o => o.UseNpgsql(postgres));
            services.TryAddSingleton<IDbContextFactory<HistoryDb>, AsHistoryDb<PostgresHistoryDb>>();
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteHistoryDb>(o => UseHistorySqlite(o, location.SqlitePath!));
            services.TryAddSingleton<IDbContextFactory<HistoryDb>, AsHistoryDb<SqliteHistoryDb>>();
        }

        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.TryAddSingleton<CallCenter.History.Calls.CallRecords>();
        services.TryAddSingleton<CallCenter.Calls.ICallRecords>(sp => sp.GetRequiredService<CallCenter.History.Calls.CallRecords>());
        services.TryAddSingleton<CallCenter.History.Seats.AgentActivity>();
        services.TryAddSingleton<CallCenter.Seats.IAgentActivity>(sp => sp.GetRequiredService<CallCenter.History.Seats.AgentActivity>());
        services.TryAddSingleton<IHistoryReports, HistoryReports>();
        services.TryAddSingleton<CallCenter.Monitoring.IAlertHistory, Monitoring.AlertHistory>();
        services.TryAddSingleton<IHistoryRetention, HistoryRetention>();
        services.TryAddSingleton<CallCenter.Grading.IRecordedCalls, Grading.RecordedCalls>();
        services.TryAddSingleton<CallCenter.Grading.IQualityRecords, Grading.QualityRecords>();
        services.TryAddSingleton<CallCenter.Grading.ICorrections, Grading.Corrections>();
        services.TryAddSingleton<CallCenter.WorkOrders.IWorkOrderSummaries, WorkOrders.WorkOrderSummaries>();
        return services;
    }

    /// <summary>
    /// Brings the store's schema to this release (EF Core migrations; on PostgreSQL hosts starting
    /// together take turns under an advisory lock), then moves what an older release kept in grain state into it. Returns the audit days it had to leave
    /// in grain state (written by both releases).
    /// </summary>
    public static async Task<IReadOnlyList<string>> Migrate(HistoryLocation location, LegacyRows legacy)
    {
        await using var db = Open(location);
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync();
        try
        {
            // Hosts starting together on an empty database take turns: PostgreSQL's CREATE TABLE IF NOT EXISTS (EF's
            // own history and lock tables) is not safe against a concurrent twin. Held on this session only.
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})");
            }

            await db.Database.MigrateAsync();
            if (!postgres)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            await LegacyImports.Run(db, legacy);
            return await LegacyAuditImport.Run(db, legacy);
        }
        finally
        {
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})");
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    public static HistoryDb Open(HistoryLocation location)
    {
        if (location.Postgres is { } postgres)
        {
            return new PostgresHistoryDb(new DbContextOptionsBuilder<PostgresHistoryDb>().UseNpgsql(postgres).Options);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(location.SqlitePath!))!);
        var sqlite = new DbContextOptionsBuilder<SqliteHistoryDb>();
        UseHistorySqlite(sqlite, location.SqlitePath!);
        return new SqliteHistoryDb(sqlite.Options);
    }

    /// <summary>
    /// The history's SQLite file, for the host's contexts and <see cref="Open"/> alike. SQLite binds every parameter of a
    /// command, by name, to each statement the command holds, so a batch of n statements costs n² lookups: EF Core's
    /// batches are kept to <see cref="SqliteBatch"/>, where that is small beside the writes.
    /// </summary>
    private static void UseHistorySqlite(DbContextOptionsBuilder options, string path) =>
        options.UseSqlite($"Data Source={path};Pooling=True", sqlite => sqlite.MaxBatchSize(SqliteBatch));

    /// <summary>Statements per command on SQLite (see <see cref="UseHistorySqlite"/>).</summary>
    public const int SqliteBatch = 16;

    private sealed class AsHistoryDb<T>(IDbContextFactory<T> inner) : IDbContextFactory<HistoryDb>
        where T : HistoryDb
    {
        public HistoryDb CreateDbContext() => inner.CreateDbContext();
    }
}
