using CallCenter.Monitoring;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Host.Tests;

/// <summary>Batches a host receives out of order reach its clients in order; a batch that never comes is waited for only briefly.</summary>
public sealed class MonitorBatchOrderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new();
    private readonly List<long> passed = [];
    private MonitorBatchOrder order = null!;

    public Task InitializeAsync()
    {
        order = new MonitorBatchOrder(time, TimeSpan.FromMilliseconds(500), batch =>
        {
            lock (passed)
            {
                passed.Add(batch.Version);
            }

            return Task.CompletedTask;
        }, NullLogger.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await order.DisposeAsync();

    [Fact]
    public async Task Batches_arriving_out_of_order_are_passed_on_in_version_order()
    {
        foreach (var version in new long[] { 7, 9, 10, 8, 8, 11, 6 })
        {
            order.Accept(Batch("a", version));
        }

        await Passed(7, 8, 9, 10, 11);
        Assert.Equal(0, order.Gaps);
    }

    [Fact]
    public async Task A_missing_batch_is_waited_for_only_the_window_then_the_rest_goes_on_and_a_late_one_is_dropped()
    {
        order.Accept(Batch("a", 1));
        order.Accept(Batch("a", 3));
        order.Accept(Batch("a", 4));
        await Passed(1);

        time.Advance(TimeSpan.FromMilliseconds(499));
        await Passed(1);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Passed(1, 3, 4);
        order.Accept(Batch("a", 2));
        order.Accept(Batch("a", 5));
        await Passed(1, 3, 4, 5);
        Assert.Equal(1, order.Gaps);
    }

    [Fact]
    public async Task A_new_epoch_starts_over_and_drops_what_was_held_of_the_old_one()
    {
        order.Accept(Batch("a", 1));
        order.Accept(Batch("a", 3));
        order.Accept(Batch("b", 40));
        order.Accept(Batch("b", 41));
        time.Advance(TimeSpan.FromSeconds(1));
        await Passed(1, 40, 41);
    }

    [Fact]
    public async Task A_delivery_that_does_not_finish_holds_the_next_batches_for_two_seconds_only()
    {
        var started = new List<long>();
        await using var stuck = new MonitorBatchOrder(time, TimeSpan.FromMilliseconds(500), batch =>
        {
            lock (started)
            {
                started.Add(batch.Version);
            }

            return batch.Version == 1 ? new TaskCompletionSource().Task : Task.CompletedTask;
        }, NullLogger.Instance);
        stuck.Accept(Batch("a", 1));
        stuck.Accept(Batch("a", 2));
        await Task.Delay(200);
        lock (started)
        {
            Assert.Equal([1L], started);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            lock (started)
            {
                if (started.Count == 2)
                {
                    break;
                }
            }

            await Task.Delay(20);
        }

        lock (started)
        {
            Assert.Equal([1L, 2L], started);
        }
    }

    private async Task Passed(params long[] expected)
    {
        // Delivery runs on its own task: wait until it has caught up with what it was given.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (passed)
            {
                if (passed.SequenceEqual(expected) || DateTime.UtcNow > deadline)
                {
                    Assert.Equal(expected, passed);
                    return;
                }
            }

            await Task.Delay(20);
        }
    }

    private static MonitorBatch Batch(string epoch, long version) => new(epoch, version, [], [], []);
}
