using CallCenter.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CallCenter.Storage.Tests;

/// <summary>The SQLite writer's group commits, with its statements kept prepared between them.</summary>
public sealed class SqliteWriterTests : IAsyncLifetime
{
    private const string Insert = "INSERT INTO notes (id, body) VALUES ($id, $body) RETURNING id";
    private readonly string file = Path.Combine(Path.GetTempPath(), $"cc-writer-{Guid.NewGuid():N}.db");
    private SqliteDatabase database = null!;
    private SqliteWriter writer = null!;

    public async Task InitializeAsync()
    {
        database = new SqliteDatabase(file);
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL); CREATE TABLE things (id INTEGER PRIMARY KEY, value)";
        await command.ExecuteNonQueryAsync();
        writer = new SqliteWriter(database);
    }

    public async Task DisposeAsync()
    {
        await writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Fact]
    public async Task The_same_statement_many_times_in_one_commit_writes_each_with_its_own_values()
    {
        var ids = await Task.WhenAll(Enumerable.Range(1, 500).Select(i => writer.Execute(Insert, Note(i, $"note {i}"))));

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (object?)(long)i), ids);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => $"note {i}"), await Bodies());
    }

    [Fact]
    public async Task A_write_that_fails_fails_alone_and_the_writer_goes_on_with_the_statements_it_knows()
    {
        await writer.Execute(Insert, Note(1, "first"));

        var writes = new[]
        {
            writer.Execute(Insert, Note(2, "second")),
            writer.Execute(Insert, Note(1, "the same id again")),
            writer.Execute("UPDATE notes SET body = $body WHERE id = $id RETURNING id", Note(1, "first, edited")),
        };
        await Assert.ThrowsAsync<SqliteException>(() => writes[1]);
        Assert.Equal(2L, await writes[0]);
        Assert.Equal(1L, await writes[2]);

        Assert.Equal(3L, await writer.Execute(Insert, Note(3, "third")));
        Assert.Equal(["first, edited", "second", "third"], await Bodies());
    }

    [Fact]
    public async Task A_statement_kept_prepared_binds_each_write_by_its_names_in_any_order_and_null_as_null()
    {
        const string OrNone = "INSERT INTO notes (id, body) VALUES ($id, coalesce($body, 'none')) RETURNING id";

        var writes = new[]
        {
            writer.Execute(Insert, Note(1, "in order")),
            writer.Execute(Insert, ("$body", "the other way round"), ("$id", 2)),
            writer.Execute(OrNone, ("$id", 3), ("$body", null)),
            writer.Execute(OrNone, ("$id", 4), ("$body", "given")),
        };

        Assert.Equal([1L, 2L, 3L, 4L], (await Task.WhenAll(writes)).Cast<long>());
        Assert.Equal(["in order", "the other way round", "none", "given"], await Bodies());
    }

    [Fact]
    public async Task Text_in_any_script_and_bytes_are_stored_as_given_and_read_back_the_same()
    {
        const string Into = "INSERT INTO things (id, value) VALUES ($id, $value) RETURNING id";
        var bytes = new byte[] { 0, 1, 2, 255 };
        var time = new DateTimeOffset(2026, 11, 30, 9, 5, 7, 123, TimeSpan.Zero).AddTicks(4567);

        await Task.WhenAll(
            writer.Execute(Into, ("$id", 1), ("$value", "纳税人咨询 🧾 über")),
            writer.Execute(Into, ("$id", 2), ("$value", "")),
            writer.Execute(Into, ("$id", 3), ("$value", bytes)),
            writer.Execute(Into, ("$id", 4), ("$value", new ReadOnlyMemory<byte>([9, 8, 7, 6, 5], 1, 3))),
            writer.Execute(Into, ("$id", 5), ("$value", Array.Empty<byte>())),
            writer.Execute(Into, ("$id", 6), ("$value", long.MinValue)),
            writer.Execute(Into, ("$id", 7), ("$value", time)),
            writer.Execute(Into, ("$id", 8), ("$value", null)));

        var stored = await Things();
        Assert.Equal(("text", (object)"纳税人咨询 🧾 über"), stored[1]);
        Assert.Equal(("text", (object)""), stored[2]);
        Assert.Equal(["blob", "blob", "blob"], new[] { stored[3].Type, stored[4].Type, stored[5].Type });
        Assert.Equal(bytes, (byte[])stored[3].Value);
        Assert.Equal([8, 7, 6], (byte[])stored[4].Value);
        Assert.Empty((byte[])stored[5].Value);
        Assert.Equal(("integer", (object)long.MinValue), stored[6]);
        Assert.Equal(("text", (object)time.ToString("O")), stored[7]);
        Assert.Equal(("null", (object)DBNull.Value), stored[8]);
    }

    [Fact]
    public async Task A_write_without_a_value_the_statement_needs_or_with_one_it_cannot_store_fails_alone_and_says_which()
    {
        var missing = writer.Execute(Insert, ("$id", 1));
        var unstorable = writer.Execute(Insert, ("$id", 2), ("$body", new object()));
        var fine = writer.Execute(Insert, Note(3, "fine"));

        Assert.Contains("$body", (await Assert.ThrowsAsync<InvalidOperationException>(() => missing)).Message);
        Assert.Contains("$body", (await Assert.ThrowsAsync<ArgumentException>(() => unstorable)).Message);
        Assert.Equal(3L, await fine);
        Assert.Equal(["fine"], await Bodies());
    }

    [Fact]
    public async Task The_writer_commits_on_a_connection_that_syncs_every_commit_to_disk()
    {
        Assert.Equal(2L, await writer.Execute("PRAGMA synchronous")); // FULL
        Assert.Equal(1L, await writer.Execute("PRAGMA foreign_keys"));
    }

    private async Task<Dictionary<long, (string Type, object Value)>> Things()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, typeof(value), value FROM things";
        await using var reader = await command.ExecuteReaderAsync();
        var things = new Dictionary<long, (string, object)>();
        while (await reader.ReadAsync())
        {
            things[reader.GetInt64(0)] = (reader.GetString(1), reader.GetValue(2));
        }

        return things;
    }

    private static (string, object?)[] Note(int id, string body) => [("$id", id), ("$body", body)];

    private async Task<List<string>> Bodies()
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM notes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var bodies = new List<string>();
        while (await reader.ReadAsync())
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies;
    }
}
