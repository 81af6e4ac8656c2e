using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CallCenter.Host.Identity;

/// <summary>Creates the identity tables when they are missing (they share a database with grain state).</summary>
public static class IdentitySchema
{
    private const long LockKey = 0x43_43_49_44; // "CCID"

    public static async Task EnsureAsync(IdentityStore store, CancellationToken cancellationToken = default)
    {
        var isPostgres = store.Database.IsNpgsql();
        await store.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (isPostgres)
            {
                await store.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            }

            var probe = isPostgres
                ? "SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE tablename = 'AspNetUsers'"
                : "SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
            var exists = await store.Database.SqlQueryRaw<int>(probe).SingleAsync(cancellationToken) > 0;
            if (!exists)
            {
                await store.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(cancellationToken);
            }
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

    public static async Task EnsurePostgresAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<IdentityStore>().UseNpgsql(connectionString).Options;
        await using var store = new IdentityStore(options);
        await EnsureAsync(store);
    }
}
