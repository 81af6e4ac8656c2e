using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Routing;

[Collection(ClusterCollection.Name)]
public sealed class QueueRoutingTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_call_to_an_undefined_queue_is_refused()
    {
        await Assert.ThrowsAsync<NotConfiguredException>(() => s.Cti.CallArrived(s.Id("c"), new CallArrival("1", s.Id("nowhere"), 0)));
    }

    [Fact]
    public async Task The_highest_skill_level_gets_the_call_first()
    {
        var q = await s.Queue("q");
        var junior = await s.ReadySeat("junior", false, (q, 1));
        var expert = await s.ReadySeat("expert", false, (q, 5));
        var call = await s.Arrive(q);
        Assert.Equal(expert, (await s.CallIn(call, CallState.Offered)).SeatId);
        Assert.Equal(SeatState.Ready, (await s.Seat(junior).Get()).State);
    }

    [Fact]
    public async Task Longest_idle_offers_to_the_seat_ready_the_longest()
    {
        var q = await s.Queue("q", RoutingStrategy.LongestIdle);
        var first = await s.ReadySeat("first", false, (q, 3));
        s.Advance(10);
        await s.ReadySeat("second", false, (q, 3));
        var call = await s.Arrive(q);
        Assert.Equal(first, (await s.CallIn(call, CallState.Offered)).SeatId);
    }

    [Fact]
    public async Task Fewest_calls_offers_to_the_seat_with_fewest_calls_today()
    {
        var q = await s.Queue("q", RoutingStrategy.FewestCalls);
        var busy = await s.ReadySeat("busy", false, (q, 3));
        var c1 = await s.Arrive(q);
        await s.CallIn(c1, CallState.Offered);
        await s.Cti.CallAnswered(c1, busy);
        await s.Cti.CallEnded(c1);
        await s.Seat(busy).ChangeState(SeatState.Ready, null);
        s.Advance(10);
        var fresh = await s.ReadySeat("fresh", false, (q, 3));
        await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.SeatsAvailable == 2, "both seats available");

        var c2 = await s.Arrive(q);
        Assert.Equal(fresh, (await s.CallIn(c2, CallState.Offered)).SeatId);
    }

    [Fact]
    public async Task Round_robin_takes_seats_in_turn()
    {
        var q = await s.Queue("q", RoutingStrategy.RoundRobin);
        var seats = new List<string>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            seats.Add(await s.ReadySeat(name, false, (q, 3)));
        }

        var offeredTo = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var call = await s.Arrive(q);
            var seat = (await s.CallIn(call, CallState.Offered)).SeatId!;
            offeredTo.Add(seat);
            await s.Cti.CallAnswered(call, seat);
            await s.Cti.CallEnded(call);
            await s.Seat(seat).ChangeState(SeatState.Ready, null);
            await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.SeatsAvailable == 3, "all seats available again");
        }

        Assert.Equal([seats[0], seats[1], seats[2], seats[0]], offeredTo);
    }

    [Fact]
    public async Task A_seat_taking_a_call_is_busy_for_its_other_queue_too_and_free_to_both_with_the_call_counted_once_its_wrap_up_ends()
    {
        var vat = await s.Queue("vat");
        var levy = await s.Queue("levy");
        var seat = await s.ReadySeat("both", false, (vat, 3), (levy, 3));
        await Eventually.Until(() => s.QueueGrain(levy).GetStats(), st => st.SeatsAvailable == 1, "the other queue to see the seat free");

        var call = await s.Arrive(vat);
        await s.CallIn(call, CallState.Offered);
        await Eventually.Until(() => s.QueueGrain(levy).GetStats(), st => st.SeatsAvailable == 0, "the other queue to hear the seat busy");
        Assert.Equal(0, (await s.QueueGrain(vat).GetStats()).SeatsAvailable);
        var waiting = await s.Arrive(levy);
        await s.Cti.CallAnswered(call, seat);
        s.Advance(40);
        await s.Cti.CallEnded(call);
        Assert.Equal(CallState.Queued, (await s.Call(waiting).Get()).State);

        s.Advance(20);
        await s.Seat(seat).ChangeState(SeatState.Ready, null); // the wrap-up ends: the offering queue hears it with the call handled
        var handled = await Eventually.Until(() => s.QueueGrain(vat).GetStats(), st => st.AverageHandleSeconds is not null && st.SeatsAvailable == 0,
            "the first queue to count the call handled and the seat taken by the other");
        Assert.Equal(60, handled.AverageHandleSeconds!.Value, precision: 1);
        Assert.Equal(seat, (await s.CallIn(waiting, CallState.Offered)).SeatId);

        await s.Cti.CallAnswered(waiting, seat);
        await s.Cti.CallEnded(waiting);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        await Eventually.Until(() => s.QueueGrain(vat).GetStats(), st => st.SeatsAvailable == 1, "the first queue to see the seat free again");
        await Eventually.Until(() => s.QueueGrain(levy).GetStats(), st => st.SeatsAvailable == 1 && st.AverageHandleSeconds is not null, "the second queue too, with its call handled");
    }

    [Fact]
    public async Task A_seat_whose_write_fails_at_the_end_of_its_wrap_up_is_still_offered_calls_by_the_queue_it_served()
    {
        var (q, seat, _) = await s.CallInWrapUp();
        FaultyWrites.Refuse(seat, 1);
        await Assert.ThrowsAnyAsync<Exception>(() => s.Seat(seat).ChangeState(SeatState.Ready, null));
        Assert.Equal(SeatState.Ready, (await s.Seat(seat).Get()).State); // held as Ready, though not written
        await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.SeatsAvailable == 1, "the queue to hear the seat free");
        var next = await s.Arrive(q);
        Assert.Equal(seat, (await s.CallIn(next, CallState.Offered)).SeatId);
    }

    [Fact]
    public async Task Higher_priority_calls_are_offered_first_and_equal_priorities_in_arrival_order()
    {
        var q = await s.Queue("q");
        var normal1 = await s.Arrive(q, priority: 0);
        s.Advance(1);
        var normal2 = await s.Arrive(q, priority: 0);
        s.Advance(1);
        var urgent = await s.Arrive(q, priority: 5);

        var order = new List<string>();
        var seat = await s.ReadySeat("s", false, (q, 3));
        for (var i = 0; i < 3; i++)
        {
            var offered = await Eventually.Until(
                async () => (await Task.WhenAll(new[] { normal1, normal2, urgent }.Select(c => s.Call(c).Get()))).FirstOrDefault(c => c.State == CallState.Offered),
                c => c is not null, "an offer");
            order.Add(offered!.CallId);
            await s.Cti.CallAnswered(offered.CallId, seat);
            await s.Cti.CallEnded(offered.CallId);
            await s.Seat(seat).ChangeState(SeatState.Ready, null);
        }

        Assert.Equal([urgent, normal1, normal2], order);
    }

    [Fact]
    public async Task An_unanswered_offer_returns_to_the_head_of_the_queue_and_counts_a_miss()
    {
        var q = await s.Queue("q", ring: 15);
        var first = await s.Arrive(q);
        s.Advance(1);
        var second = await s.Arrive(q);
        var seat = await s.ReadySeat("s", false, (q, 3));
        await s.CallIn(first, CallState.Offered);

        s.Advance(16);
        var missed = await Eventually.Until(() => s.Seat(seat).Get(), x => x.Today.MissedOffers == 1 && x.State == SeatState.Reserved, "the miss and the next offer");
        Assert.Equal(first, missed.CallId);
        var timeline = (await s.Call(first).Get()).Timeline.Select(t => t.State);
        Assert.Equal([CallState.Queued, CallState.Offered, CallState.Queued, CallState.Offered], timeline);
        Assert.Equal(CallState.Queued, (await s.Call(second).Get()).State);
    }

    [Fact]
    public async Task Missed_offers_in_a_row_put_the_seat_not_ready_missed()
    {
        var q = await s.Queue("q", ring: 10);
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        s.Advance(11);
        await Eventually.Until(() => s.Seat(seat).Get(), x => x.Today.MissedOffers == 1 && x.State == SeatState.Reserved, "second offer");
        s.Advance(11);
        var parked = await s.SeatIn(seat, SeatState.NotReady);
        Assert.Equal(NotReadyReasons.Missed, parked.Reason);
        Assert.Equal(CallState.Queued, (await s.CallIn(call, CallState.Queued)).State);
    }

    [Fact]
    public async Task A_call_waiting_too_long_overflows_to_the_backup_queue_and_is_offered_there()
    {
        var backup = await s.Queue("backup");
        var main = await s.Queue("main", overflow: new OverflowRule(60, backup));
        var call = await s.Arrive(main);
        var seat = await s.ReadySeat("b", false, (backup, 3));
        s.Advance(61);
        var moved = await s.CallIn(call, CallState.Offered);
        Assert.Equal((backup, seat), (moved.Queue, moved.SeatId));
        Assert.Contains(moved.Timeline, t => t.State == CallState.Overflowed && t.Queue == main);
        Assert.Equal(1, (await s.QueueGrain(main).GetStats()).OverflowedOut);
        Assert.Equal(0, (await s.QueueGrain(main).GetStats()).Waiting);
    }

    [Fact]
    public async Task Calls_past_their_overflow_time_together_all_move_to_the_backup_queue_once_each()
    {
        var backup = await s.Queue("backup");
        var main = await s.Queue("main", overflow: new OverflowRule(60, backup));
        var calls = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            calls.Add(await s.Arrive(main));
        }

        s.Advance(61);
        await Eventually.Until(() => s.QueueGrain(backup).GetStats(), b => b.Waiting == calls.Count, "every call waiting in the backup queue");
        var stats = await s.QueueGrain(main).GetStats();
        Assert.Equal((calls.Count, 0), (stats.OverflowedOut, stats.Waiting));
        foreach (var call in calls)
        {
            var moved = await s.Call(call).Get();
            Assert.Equal((backup, 1), (moved.Queue, moved.Timeline.Count(t => t.State == CallState.Overflowed)));
        }
    }

    [Fact]
    public async Task A_callback_keeps_its_place_in_the_queue()
    {
        var q = await s.Queue("q");
        var callback = await s.Arrive(q);
        s.Advance(1);
        var later = await s.Arrive(q);
        var requested = await s.Cti.CallbackRequested(callback);
        Assert.Equal(CallState.CallbackRequested, requested.State);
        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((1, 1), (stats.Waiting, stats.Callbacks));

        await s.ReadySeat("s", false, (q, 3));
        var offered = await s.CallIn(callback, CallState.Offered);
        Assert.True(offered.Callback);
        Assert.Equal(CallState.Queued, (await s.Call(later).Get()).State);
    }

    [Fact]
    public async Task Service_level_counts_answers_within_the_threshold_against_answered_and_abandoned()
    {
        var q = await s.Queue("q", serviceLevel: 20);
        var seat = await s.ReadySeat("s", false, (q, 3));
        var fast = await s.Arrive(q);
        await s.CallIn(fast, CallState.Offered);
        await s.Cti.CallAnswered(fast, seat);
        var slow = await s.Arrive(q);
        s.Advance(30);
        await s.Cti.CallEnded(fast);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        await s.CallIn(slow, CallState.Offered);
        await s.Cti.CallAnswered(slow, seat);
        var gone = await s.Arrive(q);
        await s.Cti.CallAbandoned(gone);

        var stats = await s.QueueGrain(q).GetStats();
        Assert.Equal((3, 2, 1, 1), (stats.Offered, stats.Answered, stats.AnsweredWithinServiceLevel, stats.Abandoned));
        Assert.Equal(33.3, stats.ServiceLevelPercent);
        Assert.Equal(33.3, stats.ServiceLevelPercent15Minutes);

        s.Advance(16 * 60);
        var later = await s.QueueGrain(q).GetStats();
        Assert.Equal((33.3, (double?)null), (later.ServiceLevelPercent, later.ServiceLevelPercent15Minutes));
    }

    [Fact]
    public async Task No_seat_is_offered_two_calls_and_no_call_two_seats_under_concurrent_load()
    {
        var q1 = await s.Queue("q1");
        var q2 = await s.Queue("q2", RoutingStrategy.FewestCalls);
        var seats = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            seats.Add(await s.ReadySeat($"s{i}", false, (q1, 1 + i % 5), (q2, 5 - i % 5)));
        }

        var calls = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => s.Arrive(i % 2 == 0 ? q1 : q2)));
        await Eventually.Until(
            async () => (await Task.WhenAll(calls.Select(c => s.Call(c).Get()))).Count(c => c.State == CallState.Offered),
            n => n == 6, "six offers");
        await Task.Delay(500);

        var seatViews = await Task.WhenAll(seats.Select(id => s.Seat(id).Get()));
        var callViews = await Task.WhenAll(calls.Select(c => s.Call(c).Get()));
        var offered = callViews.Where(c => c.State == CallState.Offered).ToList();
        Assert.Equal(6, offered.Count);
        Assert.All(seatViews, seat => Assert.Equal(SeatState.Reserved, seat.State));
        Assert.Equal(6, offered.Select(c => c.SeatId).Distinct().Count());
        Assert.All(offered, c => Assert.Equal(c.CallId, seatViews.Single(seat => seat.SeatId == c.SeatId).CallId));
        Assert.All(callViews, c => Assert.True(c.Timeline.Count(t => t.State == CallState.Offered) <= 1));
    }
}
