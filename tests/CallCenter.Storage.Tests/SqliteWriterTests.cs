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
        command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)";
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
