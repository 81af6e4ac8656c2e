using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace CallCenter.Grains.Tests.Routing;

/// <summary>
/// A queue merges its writes, so a silo that dies can take the queue's last changes with it: the queue comes back
/// from an older record and must settle it against its calls, not show calls as waiting that were answered long ago.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QueueRecoveryTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_queue_back_from_a_record_older_than_its_calls_counts_the_answered_call_and_holds_nothing_waiting()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("a", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        var stale = await Stored(q, r => r.Entries.Count == 1 && r.Entries[0].OfferConfirmed);

        await s.Cti.CallAnswered(call, seat);
        await Stored(q, r => r.Entries.Count == 0);
        await Overwrite(q, stale); // the write that removed the call is lost with its silo
        await s.QueueGrain(q).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var stats = await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.Waiting == 0, "the queue to settle its answered call");
        Assert.Equal((1, 1, 0, 0), (stats.Offered, stats.Answered, stats.Ringing, stats.Abandoned));
        await Stored(q, r => r.Entries.Count == 0 && r.Today.Answered == 1);
    }

    [Fact]
    public async Task A_queue_back_from_an_older_record_counts_a_call_abandoned_meanwhile_and_still_offers_the_one_waiting()
    {
        var q = await s.Queue("q");
        var seat = await s.DefinedSeat("a", false, (q, 3));
        await s.Seat(seat).Login(s.Agent("a"));
        var gone = await s.Arrive(q);
        var waiting = await s.Arrive(q);
        var stale = await Stored(q, r => r.Entries.Count == 2);

        await s.Cti.CallEnded(gone);
        await Stored(q, r => r.Entries.Count == 1);
        await Overwrite(q, stale);
        await s.QueueGrain(q).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        var stats = await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.Waiting == 1 && st.Abandoned == 1, "the queue to settle its abandoned call");
        Assert.Equal(2, stats.Offered);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        Assert.Equal(seat, (await s.CallIn(waiting, CallState.Offered)).SeatId);
    }

    [Fact]
    public async Task A_queue_stored_with_its_seats_in_its_record_by_an_earlier_release_moves_them_apart_and_still_offers_to_them()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("a", false, (q, 3));
        var grain = GrainId.Create("queue", q);
        var seats = await Eventually.Until(async () =>
        {
            var state = new GrainState<QueueSeats>(new QueueSeats());
            await Storage.ReadStateAsync("queue-seats", grain, state);
            return state;
        }, st => st.State.Seats.ContainsKey(seat), "the queue's stored seats");
        await s.QueueGrain(q).Cast<IGrainManagementExtension>().DeactivateOnIdle();

        // As an earlier release left it: the seats inside the queue's record, none stored apart. The deactivation may
        // still be writing: a record it changed meanwhile is read again.
        await Eventually.Until(async () =>
        {
            try
            {
                var record = await Stored(q, _ => true);
                record.State.FormerSeats = seats.State.Seats;
                await Storage.WriteStateAsync("queue", grain, record);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }, planted => planted, "the earlier release's record to be planted");
        await Storage.ClearStateAsync("queue-seats", grain, seats);

        var call = await s.Arrive(q);
        Assert.Equal(seat, (await s.CallIn(call, CallState.Offered)).SeatId);
        await Stored(q, r => r.FormerSeats is null);
        var moved = new GrainState<QueueSeats>(new QueueSeats());
        await Storage.ReadStateAsync("queue-seats", grain, moved);
        Assert.Equal(3, moved.State.Seats[seat].Level);
    }

    [Fact]
    public async Task A_long_queue_resting_between_its_writes_answers_each_arrival_once_it_is_stored_and_keeps_every_call()
    {
        var q = await s.Queue("q");
        await s.DefinedSeat("a", false, (q, 3)); // served, but nobody is Ready: every call waits
        const int waiting = 700;
        Assert.True(QueueGrain.RestAfterWrite(waiting) > TimeSpan.Zero);

        var calls = new List<string>();
        foreach (var batch in Enumerable.Range(0, waiting).Chunk(100))
        {
            calls.AddRange(await Task.WhenAll(batch.Select(i => s.Arrive(q, caller: $"1380000{i:D4}"))));
        }

        // Every arrival was answered, so every call is in the stored record now, without waiting for a later write.
        var stored = new GrainState<QueueRecord>(new QueueRecord());
        await Storage.ReadStateAsync("queue", GrainId.Create("queue", q), stored);
        Assert.Equal(calls.Order(), stored.State.Entries.Select(e => e.CallId).Order());

        await s.QueueGrain(q).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var stats = await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.Waiting == waiting, "the queue back with every waiting call");
        Assert.Equal(waiting, stats.Offered);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(499, 0)]
    [InlineData(500, 12.5)]
    [InlineData(10_000, 250)]
    [InlineData(40_000, 1_000)]
    [InlineData(1_000_000, 1_000)]
    public void A_queue_rests_between_writes_only_once_it_is_long_and_in_proportion_up_to_a_second(int waiting, double restMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(restMs), QueueGrain.RestAfterWrite(waiting));

    private IGrainStorage Storage => fixture.Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);

    private async Task<GrainState<QueueRecord>> Stored(string queue, Func<QueueRecord, bool> until) =>
        await Eventually.Until(async () =>
        {
            var state = new GrainState<QueueRecord>(new QueueRecord());
            await Storage.ReadStateAsync("queue", GrainId.Create("queue", queue), state);
            return state;
        }, st => until(st.State), $"queue {queue}'s stored record");

    private async Task Overwrite(string queue, GrainState<QueueRecord> older)
    {
        var current = await Stored(queue, _ => true);
        older.ETag = current.ETag;
        await Storage.WriteStateAsync("queue", GrainId.Create("queue", queue), older);
    }
}
