using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// The one writer of the SQLite file: writes queue up and are committed together in one transaction (one fsync for
/// many grains), and each caller is answered only after that commit is durable. If a batch fails as a whole, its
/// writes are retried one by one so one bad write cannot fail the others. The writer keeps its connection and one
/// prepared statement per SQL text between commits (a busy host runs thousands of the same few statements a second),
/// with its parameters: a write gives their values, by name, and only the values change from one write to the next.
/// Any failure drops the statements and the connection, and the next commit starts afresh.
/// The writer runs on a thread of its own: a commit blocks its thread while SQLite executes and waits for the fsync
/// (Microsoft.Data.Sqlite's async calls complete synchronously), and on the thread pool of a two-core host that took
/// one of its two workers for half of the time. The statements are SQLite's own (<see cref="SqliteStatement"/>);
/// Microsoft.Data.Sqlite opens the connection and its transactions.
/// </summary>
public sealed class SqliteWriter : IAsyncDisposable
{
    private const int MaxBatch = 256;
    private static readonly Meter Meter = new("CallCenter.Storage");
    private static readonly Counter<long> Writes = Meter.CreateCounter<long>("callcenter.sqlite.writes", description: "Statements committed by the SQLite writer (grain states and reminders)");
    private static readonly Counter<long> Commits = Meter.CreateCounter<long>("callcenter.sqlite.commits", description: "Transactions (each one fsync) committed by the SQLite writer");
    private static readonly Counter<double> Busy = Meter.CreateCounter<double>("callcenter.sqlite.busy", unit: "s", description: "Time the SQLite writer spent committing (its utilisation, per second of wall time)");

    private readonly SqliteDatabase database;
    private readonly Channel<Write> writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private readonly Dictionary<string, SqliteStatement> prepared = [];
    private SqliteConnection? connection;

    public SqliteWriter(SqliteDatabase database)
    {
        this.database = database;
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with the named <paramref name="parameters"/> (null binds NULL; the types
    /// <see cref="SqliteStatement.Run"/> names) in the next group commit and returns its scalar result once durable.
    /// </summary>
    public Task<object?> Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        var write = new Write(sql, parameters, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!writes.Writer.TryWrite(write))
        {
            write.Done.SetException(new ObjectDisposedException(nameof(SqliteWriter)));
        }

        return write.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        writes.Writer.TryComplete();
        await loop;
        await Forget();
    }

    private void Run()
    {
        var batch = new List<Write>(MaxBatch);
        while (writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                Commit(batch).GetAwaiter().GetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var single in batch)
                {
                    try
                    {
                        Commit([single]).GetAwaiter().GetResult();
                    }
                    catch (Exception e)
                    {
                        single.Done.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private async Task Commit(List<Write> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = new object?[batch.Count];
        try
        {
            connection ??= await Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = Prepared(batch[i].Sql).Run(batch[i].Parameters);
            }

            await transaction.CommitAsync();
        }
        catch
        {
            await Forget();
            throw;
        }

        Writes.Add(batch.Count);
        Commits.Add(1);
        Busy.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private SqliteStatement Prepared(string sql)
    {
        if (!prepared.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(connection!.Handle!, sql);
            prepared[sql] = statement;
        }

        return statement;
    }

    /// <summary>
    /// The writer's connection. Its statements wait for a lock held by another connection (a reader's checkpoint, a
    /// test clearing a table) as long as Microsoft.Data.Sqlite's commands would, and then fail.
    /// </summary>
    private async Task<SqliteConnection> Open()
    {
        var opened = await database.OpenAsync();
        SQLitePCL.raw.sqlite3_busy_timeout(opened.Handle, opened.DefaultTimeout * 1000);
        return opened;
    }

    /// <summary>Drops the statements and the connection (after a failure, or at the end).</summary>
    private async Task Forget()
    {
        foreach (var statement in prepared.Values)
        {
            statement.Dispose();
        }

        prepared.Clear();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    private sealed record Write(string Sql, (string Name, object? Value)[] Parameters, TaskCompletionSource<object?> Done);
}
