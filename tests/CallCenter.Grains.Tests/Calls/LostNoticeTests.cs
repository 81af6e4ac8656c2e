using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Calls;

/// <summary>
/// A notice a state machine depends on is retried until it lands, or the state it left behind is repaired: no call is
/// left in WrapUp, no seat reserved or on a call that moved on, no queue holding a call that left or was handed on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LostNoticeTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_wrap_up_ended_by_its_timer_still_ends_the_call_when_the_first_notices_are_lost()
    {
        var (seat, call) = await CallInWrapUp();
        LostMessages.LoseWrapUpNotices(call, 2);

        s.Advance(31);
        await Eventually.Until(() => s.Seat(seat).Get(), x => x.State == SeatState.Ready, "the wrap-up timer to end wrap-up");
        var ended = await Eventually.Until(() => s.Call(call).Get(), c => c.State == CallState.Ended, "the call to hear its wrap-up ended");
        Assert.Equal(0, LostMessages.Remaining(call));
        Assert.Equal(CallState.Ended, ended.Timeline[^1].State);
    }

    [Fact]
    public async Task An_agent_ending_wrap_up_is_not_refused_when_the_call_cannot_be_told_and_the_call_ends_later()
    {
        var (seat, call) = await CallInWrapUp();
        LostMessages.LoseWrapUpNotices(call, 3);

        var ready = await s.Seat(seat).ChangeState(SeatState.Ready, null);
        Assert.Equal(SeatState.Ready, ready.State);
        Assert.Equal(CallState.WrapUp, (await s.Call(call).Get()).State);
        await Eventually.Until(() => s.Call(call).Get(), c => c.State == CallState.Ended, "the retried notice");
    }

    [Fact]
    public async Task An_overflowed_call_whose_new_queue_cannot_be_reached_is_handed_over_again_until_it_arrives()
    {
        var backup = await s.Queue("backup");
        var main = await s.Queue("main", overflow: new OverflowRule(60, backup));
        var call = await s.Arrive(main);
        LostMessages.Lose(backup, "AcceptOverflow", 2);

        s.Advance(61);
        await Eventually.Until(() => s.QueueGrain(backup).LiveCalls(), calls => calls.Contains(call), "the call to reach the overflow queue");
        Assert.Equal(0, LostMessages.Remaining(backup, "AcceptOverflow"));
        Assert.DoesNotContain(call, await s.QueueGrain(main).LiveCalls());
        Assert.Equal((1, 1), ((await s.QueueGrain(main).GetStats()).OverflowedOut, (await s.QueueGrain(backup).GetStats()).Waiting));
    }

    [Fact]
    public async Task A_seat_that_never_heard_its_call_was_answered_goes_on_the_call_and_wraps_it_up_when_it_ends()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        LostMessages.Lose(seat, "Connect", 1);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => s.Cti.CallAnswered(call, seat));
        Assert.Equal((CallState.Connected, SeatState.Reserved), ((await s.Call(call).Get()).State, (await s.Seat(seat).Get()).State));

        s.Advance(3);
        var repaired = await s.SeatIn(seat, SeatState.OnCall);
        Assert.Equal((call, 1), (repaired.CallId, repaired.Today.Calls));
        await s.Cti.CallEnded(call);
        Assert.Equal(SeatState.WrapUp, (await s.Seat(seat).Get()).State);
    }

    [Fact]
    public async Task A_seat_reserved_for_a_call_that_hung_up_unheard_is_freed_without_counting_a_miss()
    {
        var q = await s.Queue("q", ring: 600);
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        LostMessages.Lose(q, "CallLeft", 1);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => s.Cti.CallAbandoned(call));
        Assert.Equal(SeatState.Reserved, (await s.Seat(seat).Get()).State);

        s.Advance(3);
        var freed = await s.SeatIn(seat, SeatState.Ready);
        Assert.Equal((null, 0), (freed.CallId, freed.Today.MissedOffers));
    }

    [Fact]
    public async Task A_call_ending_at_a_seat_that_already_let_it_go_ends_instead_of_waiting_in_wrap_up()
    {
        var q = await s.Queue("q", ring: 20);
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        LostMessages.Lose(seat, "Connect", 1);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => s.Cti.CallAnswered(call, seat));

        // The ring timeout frees the seat before anyone repairs it: the seat no longer knows the call at all.
        s.Advance(21);
        await s.SeatIn(seat, SeatState.Ready);
        var ended = await s.Cti.CallEnded(call);
        Assert.Equal(CallState.Ended, ended.State);
        Assert.Equal(SeatState.Ready, (await s.Seat(seat).Get()).State);
    }

    [Fact]
    public async Task A_queue_that_never_heard_a_waiting_call_was_abandoned_stops_counting_it()
    {
        var q = await s.Queue("q");
        var call = await s.Arrive(q);
        LostMessages.Lose(q, "CallLeft", 1);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => s.Cti.CallAbandoned(call));
        Assert.Contains(call, await s.QueueGrain(q).LiveCalls());

        s.Advance(31);
        await Eventually.Until(() => s.QueueGrain(q).LiveCalls(), calls => !calls.Contains(call), "the queue to let the abandoned call go");
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((0, 1), (stats.Waiting, stats.Abandoned));
    }

    [Fact]
    public async Task A_long_queue_compares_its_waiting_calls_a_slice_at_a_time_and_reaches_the_last()
    {
        var q = await s.Queue("q");
        var calls = new List<string>();
        for (var i = 0; i < QueueGrain.CheckWaitingAtMost * 2 + 10; i++)
        {
            calls.Add(await s.Arrive(q));
        }

        LostMessages.Lose(q, "CallLeft", 1);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => s.Cti.CallAbandoned(calls[^1]));

        s.Advance(31);
        await Eventually.Until(() => s.QueueGrain(q).LiveCalls(), live => !live.Contains(calls[^1]), "the queue to let the last, abandoned call go");
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((calls.Count - 1, 1), (stats.Waiting, stats.Abandoned));
    }

    [Fact]
    public async Task An_offer_the_command_bus_cannot_take_is_sent_again_and_still_rings()
    {
        var adapter = new Adapter();
        var reference = fixture.Client.CreateObjectReference<ICtiCommandObserver>(adapter);
        await s.Grains.GetGrain<ICtiCommandBus>(0).Subscribe(reference);
        try
        {
            var q = await s.Queue("q");
            var seat = await s.ReadySeat("s", false, (q, 3));
            LostMessages.Lose("0", "Send", 2);
            var call = await s.Arrive(q);

            await Eventually.Until(() => Task.FromResult(adapter.Offers), offers => offers.Contains((call, seat)), "the offer to reach the adapter");
            Assert.Equal(0, LostMessages.Remaining("0", "Send"));
        }
        finally
        {
            await s.Grains.GetGrain<ICtiCommandBus>(0).Unsubscribe(reference);
        }
    }

    private sealed class Adapter : ICtiCommandObserver
    {
        private readonly List<(string, string)> offers = [];

        public IReadOnlyList<(string Call, string Seat)> Offers
        {
            get
            {
                lock (offers)
                {
                    return offers.ToList();
                }
            }
        }

        public Task Deliver(CtiCommand command)
        {
            if (command.Kind == CtiCommandKinds.Offer)
            {
                lock (offers)
                {
                    offers.Add((command.CallId, command.SeatId));
                }
            }

            return Task.CompletedTask;
        }
    }

    private async Task<(string Seat, string Call)> CallInWrapUp()
    {
        var (_, seat, call) = await s.CallInWrapUp();
        Assert.Equal(SeatState.WrapUp, (await s.Seat(seat).Get()).State);
        return (seat, call);
    }
}
