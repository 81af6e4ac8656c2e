using Npgsql;

namespace CallCenter.LoadTests;

public static class PostgresDatabase
{
    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static async Task<string> Create(string server, string name)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}
