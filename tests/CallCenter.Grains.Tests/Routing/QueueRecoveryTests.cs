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

        // As an earlier release left it: the seats inside the queue's record, none stored apart.
        var record = await Stored(q, _ => true);
        record.State.FormerSeats = seats.State.Seats;
        await Storage.WriteStateAsync("queue", grain, record);
        await Storage.ClearStateAsync("queue-seats", grain, seats);

        var call = await s.Arrive(q);
        Assert.Equal(seat, (await s.CallIn(call, CallState.Offered)).SeatId);
        await Stored(q, r => r.FormerSeats is null);
        var moved = new GrainState<QueueSeats>(new QueueSeats());
        await Storage.ReadStateAsync("queue-seats", grain, moved);
        Assert.Equal(3, moved.State.Seats[seat].Level);
    }

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
