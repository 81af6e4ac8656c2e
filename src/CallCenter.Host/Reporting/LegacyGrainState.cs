using CallCenter.History.Reporting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCenter.Host;

/// <summary>
/// Grain states of a kind an older release wrote (audit days, recording indexes…), as each storage keeps them. On
/// PostgreSQL a grain with an integer key (the corrections, key 0) has no string extension: it is read as "".
/// </summary>
public static class LegacyGrainState
{
    public static LegacyRows Sqlite(string path, string serviceId) => new(
        async state =>
        {
            if (!File.Exists(path))
            {
                return [];
            }

            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT grain_id, payload FROM grain_state WHERE service_id = $s AND state_name = $n AND payload IS NOT NULL";
            read.Parameters.AddWithValue("$s", serviceId);
            read.Parameters.AddWithValue("$n", state);
            try
            {
                return await Rows(await read.ExecuteReaderAsync(), r => System.Text.Encoding.UTF8.GetBytes(r.GetString(1)));
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 1)
            {
                return []; // no grain_state table yet: a new installation
            }
        },
        async (state, imported) =>
        {
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            foreach (var grainId in imported)
            {
                await using var remove = connection.CreateCommand();
                remove.CommandText = "DELETE FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g";
                remove.Parameters.AddWithValue("$s", serviceId);
                remove.Parameters.AddWithValue("$n", state);
                remove.Parameters.AddWithValue("$g", grainId);
                await remove.ExecuteNonQueryAsync();
            }
        });

    public static LegacyRows Postgres(string connectionString, string serviceId) => new(
        async state =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var read = new NpgsqlCommand(
                "SELECT COALESCE(grain_id_extension, ''), payload FROM cc_grain_state WHERE service_id = @s AND grain_type_string = @n AND payload IS NOT NULL", connection);
            read.Parameters.AddWithValue("s", serviceId);
            read.Parameters.AddWithValue("n", state);
            try
            {
                return await Rows(await read.ExecuteReaderAsync(), r => (byte[])r.GetValue(1));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                return []; // the grain storage schema is not there yet: nothing older to import
            }
        },
        async (state, imported) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var remove = new NpgsqlCommand(
                "DELETE FROM cc_grain_state WHERE service_id = @s AND grain_type_string = @n AND COALESCE(grain_id_extension, '') = ANY(@g)", connection);
            remove.Parameters.AddWithValue("s", serviceId);
            remove.Parameters.AddWithValue("n", state);
            remove.Parameters.AddWithValue("g", imported.ToArray());
            await remove.ExecuteNonQueryAsync();
        });

    private static async Task<IReadOnlyList<(string, byte[])>> Rows(System.Data.Common.DbDataReader reader, Func<System.Data.Common.DbDataReader, byte[]> payload)
    {
        await using (reader)
        {
            var rows = new List<(string, byte[])>();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), payload(reader)));
            }

            return rows;
        }
    }
}
