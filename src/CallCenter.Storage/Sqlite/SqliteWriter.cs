using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// The one writer of the SQLite file: writes queue up and are committed together in one transaction (one fsync for
/// many grains), and each caller is answered only after that commit is durable. If a batch fails as a whole, its
/// writes are retried one by one so one bad write cannot fail the others.
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

    public SqliteWriter(SqliteDatabase database)
    {
        this.database = database;
        loop = Task.Run(Run);
    }

    /// <summary>Runs <paramref name="command"/> in the next group commit and returns its scalar result once durable.</summary>
    public Task<object?> Execute(Action<SqliteCommand> command)
    {
        var write = new Write(command, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
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
    }

    private async Task Run()
    {
        var batch = new List<Write>(MaxBatch);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                await Commit(batch);
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var single in batch)
                {
                    try
                    {
                        await Commit([single]);
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
        await using var connection = await database.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var results = new object?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            batch[i].Command(command);
            results[i] = await command.ExecuteScalarAsync();
        }

        await transaction.CommitAsync();
        Writes.Add(batch.Count);
        Commits.Add(1);
        Busy.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed record Write(Action<SqliteCommand> Command, TaskCompletionSource<object?> Done);
}
