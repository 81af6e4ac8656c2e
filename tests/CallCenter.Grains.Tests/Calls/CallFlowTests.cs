using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Calls;

[Collection(ClusterCollection.Name)]
public sealed class CallFlowTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_call_is_queued_offered_answered_held_ended_and_wrapped_up_with_a_timestamped_timeline()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        Assert.Equal(SeatState.Reserved, (await s.Seat(seat).Get()).State);

        s.Advance(5);
        await s.Cti.CallAnswered(call, seat);
        Assert.Equal(SeatState.OnCall, (await s.Seat(seat).Get()).State);
        await s.Cti.CallHeld(call, true);
        await s.Cti.CallHeld(call, false);
        s.Advance(60);
        var ended = await s.Cti.CallEnded(call);
        Assert.Equal(CallState.WrapUp, ended.State);
        Assert.Equal(SeatState.WrapUp, (await s.Seat(seat).Get()).State);

        s.Advance(15);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        var done = await s.Call(call).Get();
        Assert.Equal(CallState.Ended, done.State);
        Assert.Equal(
            [CallState.Queued, CallState.Offered, CallState.Connected, CallState.Held, CallState.Connected, CallState.WrapUp, CallState.Ended],
            done.Timeline.Select(t => t.State));
        Assert.True(done.Timeline.Zip(done.Timeline.Skip(1)).All(p => p.First.At <= p.Second.At));

        var counters = (await s.Seat(seat).Get()).Today;
        Assert.Equal(1, counters.Calls);
        Assert.Equal(60, counters.TalkSeconds, precision: 3);
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((1, 1, 1, 100.0), (stats.Offered, stats.Answered, stats.AnsweredWithinServiceLevel, stats.ServiceLevelPercent));
        var handled = await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.AverageHandleSeconds is not null, "the handle time to reach the queue");
        Assert.Equal(75, handled.AverageHandleSeconds!.Value, precision: 1);
    }

    [Fact]
    public async Task An_ended_call_leaves_memory_soon_after_and_is_read_back_whole_when_asked()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var answered = await s.Arrive(q);
        await s.CallIn(answered, CallState.Offered);
        await s.Cti.CallAnswered(answered, seat);
        await s.Cti.CallEnded(answered);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        var abandoned = await s.Arrive(q);
        await s.Cti.CallAbandoned(abandoned);
        var waiting = await s.Arrive(q);

        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        foreach (var ended in new[] { answered, abandoned })
        {
            await Eventually.Until(() => management.GetGrainActivationCount((GrainReference)s.Call(ended)), n => n == 0, $"call {ended} to leave memory", seconds: 40);
        }

        Assert.Equal(1, await management.GetGrainActivationCount((GrainReference)s.Call(waiting)));
        var read = await s.Call(answered).Get();
        Assert.Equal(CallState.Ended, read.State);
        Assert.Equal([CallState.Queued, CallState.Offered, CallState.Connected, CallState.WrapUp, CallState.Ended], read.Timeline.Select(t => t.State));
        Assert.Equal(CallState.Abandoned, (await s.Call(abandoned).Get()).State);
        await s.Cti.CallEnded(answered); // a late repeat of the end, to a call read back, changes nothing
        Assert.Equal(5, (await s.Call(answered).Get()).Timeline.Count);
    }

    [Fact]
    public async Task Wrap_up_ends_by_itself_after_the_configured_timeout()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        await s.Cti.CallAnswered(call, seat);
        await s.Cti.CallEnded(call);
        s.Advance(29);
        await Task.Delay(1500);
        Assert.Equal(SeatState.WrapUp, (await s.Seat(seat).Get()).State);
        s.Advance(2);
        await s.SeatIn(seat, SeatState.Ready);
        await s.CallIn(call, CallState.Ended);
    }

    [Fact]
    public async Task Answering_from_another_seat_than_the_one_offered_is_refused()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var other = await s.ReadySeat("other", false);
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Cti.CallAnswered(call, other));
        Assert.Equal(seat, (await s.Call(call).Get()).SeatId);
    }

    [Fact]
    public async Task Softswitch_retries_of_the_same_event_change_nothing()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.Cti.CallArrived(call, new CallArrival("13812345678", q, 0));
        await s.CallIn(call, CallState.Offered);
        await s.Cti.CallAnswered(call, seat);
        await s.Cti.CallAnswered(call, seat);
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((1, 1), (stats.Offered, stats.Answered));
        Assert.Single((await s.Call(call).Get()).Timeline, t => t.State == CallState.Connected);
    }

    [Fact]
    public async Task An_arrival_whose_queue_could_not_be_told_joins_it_when_the_softswitch_repeats_it()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = s.Id("lost-join");
        var arrival = new CallArrival("13812345678", q, 0);
        LostMessages.Lose(q, "Enqueue", 1);
        await Assert.ThrowsAnyAsync<OrleansException>(() => s.Cti.CallArrived(call, arrival));
        Assert.Equal((0, 0), ((await s.QueueGrain(q).GetStats()).Offered, LostMessages.Remaining(q, "Enqueue")));

        Assert.Equal(CallState.Queued, (await s.Cti.CallArrived(call, arrival)).State);
        await s.CallIn(call, CallState.Offered);
        Assert.Equal(SeatState.Reserved, (await s.Seat(seat).Get()).State);
        Assert.Equal(1, (await s.QueueGrain(q).GetStats()).Offered);
    }

    [Fact]
    public async Task An_arrival_the_store_refused_is_stored_by_the_softswitchs_repeat()
    {
        var q = await s.Queue("q");
        var call = s.Id("refused-write");
        var arrival = new CallArrival("13812345678", q, 0);
        FaultyWrites.Refuse(call, 1);
        await Assert.ThrowsAnyAsync<OrleansException>(() => s.Cti.CallArrived(call, arrival));
        Assert.Equal((0, 0), (FaultyWrites.Stored(call), (await s.QueueGrain(q).GetStats()).Waiting));

        Assert.Equal(CallState.Queued, (await s.Cti.CallArrived(call, arrival)).State);
        Assert.Equal((1, 1), (FaultyWrites.Stored(call), (await s.QueueGrain(q).GetStats()).Waiting));
    }

    [Fact]
    public async Task A_repeated_arrival_is_acknowledged_only_once_its_queue_has_stored_the_call()
    {
        var q = await s.Queue("q");
        var call = s.Id("repeated");
        var arrival = new CallArrival("13812345678", q, 0);
        var store = FaultyWrites.Hold(q);
        var first = s.Cti.CallArrived(call, arrival);
        await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.Waiting == 1, "the call in its queue, not yet stored");
        var repeat = s.Cti.CallArrived(call, arrival);

        await Task.WhenAny(repeat, Task.Delay(TimeSpan.FromSeconds(1)));
        Assert.False(first.IsCompleted, "the first arrival was acknowledged before its queue stored it");
        Assert.False(repeat.IsCompleted, "the repeated arrival was acknowledged before its queue stored the call");
        store.SetResult();
        Assert.Equal(CallState.Queued, (await first).State);
        Assert.Equal(CallState.Queued, (await repeat).State);
        Assert.Equal(1, (await s.QueueGrain(q).GetStats()).Offered);
    }

    [Fact]
    public async Task A_repeated_arrival_of_a_call_that_has_moved_on_never_queues_it_again()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        await s.Cti.CallAnswered(call, seat);
        Assert.Equal(CallState.Connected, (await s.Cti.CallArrived(call, new CallArrival("13812345678", q, 0))).State);
        await s.Cti.CallEnded(call);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        Assert.Equal(CallState.Ended, (await s.Cti.CallArrived(call, new CallArrival("13812345678", q, 0))).State);

        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((1, 0, 0), (stats.Offered, stats.Waiting, stats.Ringing));
        Assert.Equal(SeatState.Ready, (await s.Seat(seat).Get()).State);
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_waiting_is_abandoned_and_listed_with_a_masked_number()
    {
        var q = await s.Queue("q");
        var call = await s.Arrive(q, caller: "13912345678");
        s.Advance(42);
        var abandoned = await s.Cti.CallEnded(call);
        Assert.Equal(CallState.Abandoned, abandoned.State);
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((0, 1), (stats.Waiting, stats.Abandoned));
        var listed = Assert.Single(stats.RecentAbandoned);
        Assert.Equal(("139****5678", 42.0), (listed.MaskedCaller, listed.WaitedSeconds));
    }

    [Fact]
    public async Task A_caller_who_hangs_up_while_ringing_frees_the_seat()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        await s.Cti.CallAbandoned(call);
        var freed = await s.SeatIn(seat, SeatState.Ready);
        Assert.Null(freed.CallId);
        Assert.Equal(0, freed.Today.MissedOffers);
    }
}
