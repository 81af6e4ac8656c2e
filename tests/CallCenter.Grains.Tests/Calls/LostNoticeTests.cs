using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Calls;

/// <summary>A notice a state machine depends on is retried until it lands: no call is left in WrapUp for ever.</summary>
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

    private async Task<(string Seat, string Call)> CallInWrapUp()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        await s.Cti.CallAnswered(call, seat);
        await s.Cti.CallEnded(call);
        Assert.Equal(SeatState.WrapUp, (await s.Seat(seat).Get()).State);
        return (seat, call);
    }
}
