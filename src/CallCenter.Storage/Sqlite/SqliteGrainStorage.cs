using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// Grain state in SQLite with the ETag semantics Orleans expects: the ETag is a row version; a write or clear with a
/// stale one changes nothing and throws <see cref="InconsistentStateException"/>. A clear keeps the row (payload NULL)
/// so versions keep rising. The payload is the serializer's UTF-8 JSON, written into a buffer that the next write uses
/// again and bound as it is (a BLOB): a string copy of a big state (a busy queue) would be a large object twice over,
/// and large objects are collected only by full collections. Rows an older release wrote as TEXT read the same way.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, SqliteWriter writer, JsonGrainStateSerializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    private readonly JsonBuffers buffers = new();

    private string ServiceId => cluster.Value.ServiceId;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await database.OpenToReadAsync();
        await using var command = Command(connection, "SELECT payload, version FROM grain_state WHERE service_id = $s AND state_name = $n AND grain_id = $g", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var payload = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        grainState.ETag = reader.GetInt64(1).ToString();
        grainState.RecordExists = payload is not null;
        grainState.State = payload is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(BinaryData.FromBytes(payload));
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var json = buffers.Rent();
        long version;
        try
        {
            serializer.Serialize(grainState.State, json.Writer);
            version = await Versioned(
                stateName, grainId, grainState.ETag, json.Written,
                insert: "INSERT INTO grain_state (service_id, state_name, grain_id, payload, version, modified_at) VALUES ($s, $n, $g, $p, 1, $t) ON CONFLICT DO NOTHING RETURNING version",
                update: "UPDATE grain_state SET payload = $p, version = version + 1, modified_at = $t WHERE service_id = $s AND state_name = $n AND grain_id = $g AND version = $v RETURNING version");
        }
        finally
        {
            buffers.Return(json); // the write is durable or has failed: SQLite copied the bytes when it bound them
        }

        grainState.ETag = version.ToString();
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null)
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (grainState.ETag is null)
            {
                return;
            }
        }

        var version = await Versioned(
            stateName, grainId, grainState.ETag, null,
            insert: null,
            update: "UPDATE grain_state SET payload = NULL, version = version + 1, modified_at = $t WHERE service_id = $s AND state_name = $n AND grain_id = $g AND version = $v RETURNING version");
        grainState.ETag = version.ToString();
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }

    private async Task<long> Versioned(string stateName, GrainId grainId, string? etag, ReadOnlyMemory<byte>? payload, string? insert, string update)
    {
        var expected = etag is null ? (long?)null : long.Parse(etag);
        var result = await writer.Execute(expected is null ? insert! : update,
            Key(stateName, grainId, ("$p", payload), ("$t", DateTimeOffset.UtcNow), ("$v", expected)));
        if (result is not long version)
        {
            throw new InconsistentStateException(
                $"Stale ETag for '{stateName}' of {grainId}: expected version {etag ?? "none"} is not the stored one.",
                storedEtag: "unknown", currentEtag: etag ?? "null");
        }

        return version;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in Key(stateName, grainId))
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    /// <summary>The row's key as every statement here names it, then the statement's other values: one array a write.</summary>
    private (string Name, object? Value)[] Key(string stateName, GrainId grainId, params ReadOnlySpan<(string Name, object? Value)> more) =>
        [("$s", ServiceId), ("$n", stateName), ("$g", grainId.ToString()), .. more];
}
