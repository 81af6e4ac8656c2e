using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Routing;

/// <summary>
/// Offers made on a queue's picture of its seats that is out of date (a seat's report was lost, as a dying silo loses
/// it): the seat's own state decides.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LostSeatReportTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_seat_gone_NotReady_unheard_refuses_and_the_call_rings_at_the_next_seat_with_no_trace_of_the_refusal()
    {
        var q = await s.Queue("q");
        var away = await s.ReadySeat("away", false, (q, 5));
        var next = await s.ReadySeat("next", false, (q, 1));
        await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.SeatsAvailable == 2, "both seats available");
        LostMessages.Lose(q, "SeatChanged", 1);
        await s.Seat(away).ChangeState(SeatState.NotReady, NotReadyReasons.Break);
        Assert.Equal(0, LostMessages.Remaining(q, "SeatChanged"));

        var call = await s.Arrive(q);
        await s.SeatIn(next, SeatState.Reserved);
        var offered = await Eventually.Until(() => s.Call(call).Get(), c => c.State == CallState.Offered && c.SeatId == next, "the call ringing at the next seat");
        Assert.Equal([CallState.Queued, CallState.Offered], offered.Timeline.Select(t => t.State));
        Assert.DoesNotContain(offered.Timeline, t => t.SeatId == away);
        var refused = await s.Seat(away).Get();
        Assert.Equal(SeatState.NotReady, refused.State);
        Assert.Null(refused.CallId);

        // Answered at the next seat, the call's history counts one offer and no missed ring.
        var answered = await s.Cti.CallAnswered(call, next);
        Assert.Equal(1, answered.Timeline.Count(t => t.State == CallState.Offered));
    }

    [Fact]
    public async Task A_call_goes_to_the_agent_sitting_at_the_seat_even_when_the_queue_has_not_heard_the_seat_changed_hands()
    {
        var q = await s.Queue("q");
        var desk = await s.ReadySeat("desk", false, (q, 3));
        await Eventually.Until(() => s.QueueGrain(q).GetStats(), st => st.SeatsAvailable == 1, "the seat available");
        LostMessages.Lose(q, "SeatChanged", 2);
        await s.Seat(desk).Logout();
        var successor = s.Id("successor");
        await s.Seat(desk).Login(successor);
        await s.Seat(desk).ChangeState(SeatState.Ready, null);
        Assert.Equal(0, LostMessages.Remaining(q, "SeatChanged"));

        // The queue last heard of the agent who left; the seat answers with who sits there now.
        var call = await s.Arrive(q);
        await Eventually.Until(() => s.Seat(desk).Get(), st => st.State == SeatState.Reserved && st.CallId == call, "the seat reserved for the call");
        var offered = await s.CallIn(call, CallState.Offered);
        Assert.Equal(desk, offered.SeatId);
        await s.Cti.CallAnswered(call, desk);
        Assert.Equal(successor, (await s.Call(call).Get()).Agent);
        Assert.Equal(successor, (await s.Seat(desk).Get()).Agent);
    }
}
