using CallCenter.Grains.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Hosting;

namespace CallCenter.Grains.Tests.Routing;

/// <summary>
/// The queue's keep-alive reminder ("acd") exists exactly while calls wait. The race: an empty queue's tick reads the
/// reminder to drop it, a call is enqueued (Enqueue interleaves) and registers it again, and the drop then removed the
/// fresh reminder, leaving a waiting call with nothing to bring its queue back after a restart.
/// </summary>
public sealed class QueueKeepAliveTests(QueueKeepAliveTests.Fixture fixture) : IClassFixture<QueueKeepAliveTests.Fixture>
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_call_enqueued_while_the_empty_queue_drops_its_reminder_keeps_the_reminder()
    {
        var q = await s.Queue("q");
        var queue = GrainId.Create("queue", q);
        var first = await s.Arrive(q);
        Assert.NotNull(await fixture.Table.ReadRow(queue, "acd"));

        fixture.Gate.Close(queue);
        await s.Cti.CallAbandoned(first);
        await fixture.Gate.ReadReached.Task.WaitAsync(TimeSpan.FromSeconds(20)); // the tick is dropping the reminder
        var second = s.Arrive(q);
        await Task.Delay(300); // the arrival interleaves and stands behind the drop
        fixture.Gate.Open();
        await second.WaitAsync(TimeSpan.FromSeconds(20));

        var row = await Eventually.Until(() => fixture.Table.ReadRow(queue, "acd"), r => r is not null, "the reminder of a queue with a waiting call", seconds: 5);
        await Task.Delay(1500); // three more ticks: nothing drops it while the call waits
        Assert.NotNull(await fixture.Table.ReadRow(queue, "acd"));
        Assert.Single(await s.QueueGrain(q).LiveCalls());

        await s.Cti.CallAbandoned(await second);
        await Eventually.Until(() => fixture.Table.ReadRow(queue, "acd"), r => r is null, "an empty queue to drop its reminder");
        Assert.NotNull(row);
    }

    public sealed class Fixture : ClusterFixture
    {
        /// <summary>Held by every silo's table: the reminder service that serves a grain may run on either silo.</summary>
        public ReminderGate Gate { get; } = new();

        /// <summary>The reminders as stored (both silos share one file).</summary>
        public IReminderTable Table { get; private set; } = null!;

        protected override void ConfigureSilo(ISiloBuilder silo)
        {
            var stored = silo.Services.Single(d => d.ServiceType == typeof(IReminderTable)).ImplementationType!;
            silo.Services.RemoveAll<IReminderTable>();
            silo.Services.TryAddSingleton(stored);
            silo.Services.AddSingleton<IReminderTable>(sp =>
            {
                var inner = (IReminderTable)sp.GetRequiredService(stored);
                Table ??= inner;
                return new GatedReminderTable(inner, Gate);
            });
        }
    }

    /// <summary>Lets a test hold reads of one grain's reminders until it opens them.</summary>
    public sealed class ReminderGate
    {
        private volatile TaskCompletionSource? gate;

        public GrainId Grain { get; private set; }

        public TaskCompletionSource ReadReached { get; private set; } = new();

        public void Close(GrainId grain)
        {
            Grain = grain;
            ReadReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open()
        {
            gate?.TrySetResult();
            gate = null;
        }

        public async Task Pass(GrainId grain)
        {
            if (gate is { } closed && grain == Grain)
            {
                ReadReached.TrySetResult();
                await closed.Task;
            }
        }
    }

    private sealed class GatedReminderTable(IReminderTable inner, ReminderGate gate) : IReminderTable
    {
        public async Task<ReminderEntry> ReadRow(GrainId grainId, string reminderName)
        {
            await gate.Pass(grainId);
            return await inner.ReadRow(grainId, reminderName);
        }

        public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

        public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

        public Task<string> UpsertRow(ReminderEntry entry) => inner.UpsertRow(entry);

        public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => inner.RemoveRow(grainId, reminderName, eTag);

        public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);
    }
}
