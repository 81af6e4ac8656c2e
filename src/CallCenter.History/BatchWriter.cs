using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CallCenter.History;

/// <summary>
/// One writer per kind of fact on each host: callers hand it items and await their commit; it commits whatever has
/// queued up meanwhile as one batch (up to a limit), so callers waiting in parallel share one transaction and the
/// cost of an item stays flat. A failed batch fails every caller in it. With a <paramref name="gather"/> time, a batch
/// waits that long after its first item for more (for facts nobody waits on, where fewer, larger commits cost less).
/// The batches are committed on a thread of the writer's own: on SQLite a commit runs synchronously to its fsync, and
/// on the thread pool of a two-core host each commit held one of its few workers while the disk wrote.
/// </summary>
public sealed class BatchWriter<T>(Func<IReadOnlyList<T>, Task> commit, ILogger logger, string what, int limit = 500, TimeSpan gather = default) : IAsyncDisposable
{
    private readonly Channel<(T Item, TaskCompletionSource Committed)> queue =
        Channel.CreateUnbounded<(T, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock starting = new();
    private Task? writing;

    public Task Write(T item)
    {
        if (writing is null)
        {
            lock (starting)
            {
                writing ??= Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return queue.Writer.TryWrite((item, committed)) ? committed.Task : throw new ObjectDisposedException(what);
    }

    private void Run()
    {
        var batch = new List<(T Item, TaskCompletionSource Committed)>(limit);
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            if (gather > TimeSpan.Zero)
            {
                Thread.Sleep(gather);
            }

            while (batch.Count < limit && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            try
            {
                commit(batch.Select(b => b.Item).ToList()).GetAwaiter().GetResult();
                batch.ForEach(b => b.Committed.TrySetResult());
            }
            catch (Exception e)
            {
                logger.LogError(e, "Writing {Count} {What} failed", batch.Count, what);
                batch.ForEach(b => b.Committed.TrySetException(e));
            }

            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writing is not null)
        {
            await writing;
        }
    }
}
