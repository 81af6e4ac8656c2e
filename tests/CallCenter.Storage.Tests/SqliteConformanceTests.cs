using CallCenter.Storage;
using Microsoft.Data.Sqlite;

namespace CallCenter.Storage.Tests;

public sealed class SqliteConformanceTests : StorageConformance
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"cc-conformance-{Guid.NewGuid():N}.db");

    protected override Task<StorageHost> StartHost(string serviceId) =>
        StorageHost.Start(serviceId, silo => silo.UseCallCenterSqlite(file, StorageHost.ProviderName));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_row_holds_the_state_as_readable_json()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        var state = Fresh();
        state.State = new Note { Text = "发票 issued", Count = 3 };
        await Storage.WriteStateAsync("note", grain, state);

        var stored = await Scalar("SELECT CAST(payload AS TEXT) FROM grain_state WHERE service_id = $s AND grain_id = $g", ("$s", ServiceId), ("$g", grain.ToString()));
        using var json = System.Text.Json.JsonDocument.Parse(Assert.IsType<string>(stored));
        Assert.Equal(("发票 issued", 3), (json.RootElement.GetProperty("text").GetString(), json.RootElement.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task A_row_an_older_release_wrote_as_text_reads_and_writes_as_before()
    {
        var grain = NewGrain(Guid.NewGuid().ToString());
        await Scalar(
            "INSERT INTO grain_state (service_id, state_name, grain_id, payload, version, modified_at) VALUES ($s, 'note', $g, $p, 4, '2026-01-05T00:00:00Z')",
            ("$s", ServiceId), ("$g", grain.ToString()), ("$p", """{"text":"老 record","count":7}"""));

        var read = Fresh();
        await Storage.ReadStateAsync("note", grain, read);
        Assert.Equal(("老 record", 7, "4", true), (read.State.Text, read.State.Count, read.ETag, read.RecordExists));

        read.State.Count = 8;
        await Storage.WriteStateAsync("note", grain, read);
        var again = Fresh();
        await Storage.ReadStateAsync("note", grain, again);
        Assert.Equal(("老 record", 8, "5"), (again.State.Text, again.State.Count, again.ETag));
    }

    private async Task<object?> Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }
}
