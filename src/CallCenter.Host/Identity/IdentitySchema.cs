using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CallCenter.Host.Identity;

/// <summary>Creates the identity tables when they are missing (they share a database with grain state).</summary>
public static class IdentitySchema
{
    private const long LockKey = 0x43_43_49_44; // "CCID"

    public static Task EnsureAsync(IdentityStore store, CancellationToken cancellationToken = default) =>
        Exclusively(store, () => CreateTablesIfMissing(store, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs a bootstrap step while no other host runs one: on PostgreSQL under a session advisory lock held on the
    /// store's connection (so managers using the same store work inside it); SQLite has one host per file.
    /// </summary>
    public static async Task Exclusively(IdentityStore store, Func<Task> step, CancellationToken cancellationToken = default)
    {
        var isPostgres = store.Database.IsNpgsql();
        await store.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (isPostgres)
            {
                await store.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            }

            await step();
        }
        finally
        {
            if (isPostgres)
            {
                await store.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }

            await store.Database.CloseConnectionAsync();
        }
    }

    public static async Task CreateTablesIfMissing(IdentityStore store, CancellationToken cancellationToken = default)
    {
        var probe = store.Database.IsNpgsql()
            ? "SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE tablename = 'AspNetUsers'"
            : "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
        if (await store.Database.SqlQueryRaw<int>(probe).SingleAsync(cancellationToken) == 0)
        {
            await store.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
        }
    }

    public static async Task EnsurePostgresAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<IdentityStore>().UseNpgsql(connectionString).Options;
        await using var store = new IdentityStore(options);
        await EnsureAsync(store);
    }
}
