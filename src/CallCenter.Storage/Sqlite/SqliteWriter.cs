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
/// one of its two workers for half of the time.
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
    private readonly Dictionary<string, SqliteCommand> prepared = [];
    private SqliteConnection? connection;

    public SqliteWriter(SqliteDatabase database)
    {
        this.database = database;
        loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> with the named <paramref name="parameters"/> (null binds NULL) in the next group
    /// commit and returns its scalar result once durable.
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
            connection ??= await database.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            for (var i = 0; i < batch.Count; i++)
            {
                var command = Prepared(batch[i].Sql);
                command.Transaction = transaction;
                Bind(command.Parameters, batch[i].Parameters);
                results[i] = await command.ExecuteScalarAsync();
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

    /// <summary>The statement's parameters as the last write named them get the new values; other names, new parameters.</summary>
    private static void Bind(SqliteParameterCollection kept, (string Name, object? Value)[] given)
    {
        var same = kept.Count == given.Length;
        for (var i = 0; same && i < given.Length; i++)
        {
            same = kept[i].ParameterName == given[i].Name;
        }

        if (!same)
        {
            kept.Clear();
            foreach (var (name, _) in given)
            {
                kept.Add(new SqliteParameter { ParameterName = name });
            }
        }

        for (var i = 0; i < given.Length; i++)
        {
            kept[i].Value = given[i].Value ?? DBNull.Value;
        }
    }

    private SqliteCommand Prepared(string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection!.CreateCommand();
            command.CommandText = sql;
            prepared[sql] = command;
        }

        return command;
    }

    /// <summary>Drops the statements and the connection (after a failure, or at the end).</summary>
    private async Task Forget()
    {
        foreach (var command in prepared.Values)
        {
            await command.DisposeAsync();
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
