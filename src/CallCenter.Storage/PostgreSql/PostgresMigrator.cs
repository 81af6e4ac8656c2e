using System.Reflection;
using Npgsql;

namespace CallCenter.Storage.PostgreSql;

/// <summary>
/// Applies the scripts of deploy/sql/postgresql in name order, under an advisory lock so several hosts starting
/// together take turns. Every script is idempotent; each run is recorded in cc_schema_migrations.
/// </summary>
public static class PostgresMigrator
{
    private const long LockKey = 0x43_43_4D_49_47; // "CCMIG"

    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    public static async Task<IReadOnlyList<string>> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, "CREATE TABLE IF NOT EXISTS cc_schema_migrations (script text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", cancellationToken);
            var applied = new List<string>();
            foreach (var (name, sql) in Scripts)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO cc_schema_migrations (script) VALUES (@s) ON CONFLICT (script) DO UPDATE SET applied_at = now()", connection, transaction))
                {
                    record.Parameters.AddWithValue("s", name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                applied.Add(name);
            }

            return applied;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IReadOnlyList<(string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n, reader.ReadToEnd());
            })
            .ToList();
    }
}
