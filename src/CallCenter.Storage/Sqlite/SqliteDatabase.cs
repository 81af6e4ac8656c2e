using Microsoft.Data.Sqlite;

namespace CallCenter.Storage.Sqlite;

/// <summary>The embedded mode's single SQLite file: grain state, reminders and later the query store.</summary>
public sealed class SqliteDatabase
{
    private readonly Lazy<Task> schema;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        schema = new Lazy<Task>(CreateSchema);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>An open connection; every commit is durable (WAL, synchronous=FULL) before it returns.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await schema.Value;
        return await OpenRawAsync(cancellationToken);
    }

    /// <summary>
    /// An open connection for reading only: without the writers' settings, which a read does not need and which
    /// otherwise cost a statement of their own on every open (a grain's state is read at each activation).
    /// </summary>
    public async Task<SqliteConnection> OpenToReadAsync(CancellationToken cancellationToken = default)
    {
        await schema.Value;
        return await Connect(cancellationToken);
    }

    private async Task<SqliteConnection> Connect(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = await Connect(cancellationToken);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task CreateSchema()
    {
        await using var connection = await OpenRawAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id  TEXT    NOT NULL,
                state_name  TEXT    NOT NULL,
                grain_id    TEXT    NOT NULL,
                payload     TEXT    NULL,
                version     INTEGER NOT NULL,
                modified_at TEXT    NOT NULL,
                PRIMARY KEY (service_id, state_name, grain_id)
            );
            CREATE TABLE IF NOT EXISTS reminders (
                service_id    TEXT    NOT NULL,
                grain_id      TEXT    NOT NULL,
                reminder_name TEXT    NOT NULL,
                start_at      INTEGER NOT NULL,
                period_ms     INTEGER NOT NULL,
                grain_hash    INTEGER NOT NULL,
                version       INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            );
            CREATE INDEX IF NOT EXISTS reminders_by_hash ON reminders (service_id, grain_hash);
            """;
        await command.ExecuteNonQueryAsync();
    }
}
