using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Grains.Tests.History;

/// <summary>The query store's batching writer: who waits for a commit, and whose thread it holds.</summary>
public sealed class BatchWriterTests
{
    [Fact]
    public async Task Commits_run_on_a_thread_of_the_writer_and_hold_no_worker_of_the_pool()
    {
        var threads = new List<(bool Pool, int Id)>();
        await using var writer = new BatchWriter<int>(batch =>
        {
            threads.Add((Thread.CurrentThread.IsThreadPoolThread, Environment.CurrentManagedThreadId));
            return Task.CompletedTask;
        }, NullLogger.Instance, "numbers");

        await writer.Write(1);
        await writer.Write(2);

        Assert.Equal(2, threads.Count);
        Assert.All(threads, t => Assert.False(t.Pool));
        Assert.Single(threads.Select(t => t.Id).Distinct());
    }

    [Fact]
    public async Task What_queues_while_a_commit_waits_for_its_disk_goes_in_the_next_commit_together()
    {
        var first = new SemaphoreSlim(0);
        var batches = new List<int[]>();
        await using var writer = new BatchWriter<int>(batch =>
        {
            batches.Add([.. batch]);
            if (batches.Count == 1)
            {
                first.Wait(); // the disk is slow: the commit blocks its thread, as SQLite's does
            }

            return Task.CompletedTask;
        }, NullLogger.Instance, "numbers");

        var one = writer.Write(1);
        await Eventually.Until(() => Task.FromResult(batches.Count), n => n == 1, "the first commit");
        var rest = Enumerable.Range(2, 50).Select(writer.Write).ToList();
        first.Release();
        await Task.WhenAll([one, .. rest]);

        Assert.Equal([[1], [.. Enumerable.Range(2, 50)]], batches);
    }

    [Fact]
    public async Task A_failed_commit_fails_its_callers_and_the_writer_goes_on()
    {
        await using var writer = new BatchWriter<int>(batch =>
            batch.Contains(13) ? Task.FromException(new InvalidOperationException("disk full")) : Task.CompletedTask,
            NullLogger.Instance, "numbers");

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.Write(13));
        await writer.Write(14);
    }
}
