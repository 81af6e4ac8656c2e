using CallCenter.Grains.Tests.Infrastructure;
using CallCenter.History;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Grains.Tests.Seats;

/// <summary>A seat writes each state it leaves to the query store as a span of its agent's activity.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SeatActivityTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task Each_state_left_becomes_a_span_of_its_agent_cut_at_local_midnight()
    {
        var clock = new CallCenterClock(s.Time, CallCenterClock.FindZone("Asia/Shanghai"));
        var seat = await s.ReadySeat("s");
        var agent = s.Agent("s");
        var readyAt = s.Time.GetUtcNow();

        // A break that runs past the centre's midnight is two spans, one on each day; the instant login is none.
        var midnight = clock.At(clock.Today.AddDays(1), TimeOnly.MinValue);
        s.Time.SetUtcNow(midnight.AddSeconds(-30));
        await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Break);
        s.Advance(90);
        await s.Seat(seat).Logout();

        await using var services = new ServiceCollection().AddLogging().AddCallCenterHistory(fixture.History).BuildServiceProvider();
        var activity = services.GetRequiredService<IAgentActivity>();
        var spans = await Eventually.Until(() => activity.Of(seat, readyAt.AddDays(-1), midnight.AddDays(1)), l => l.Count >= 3, "the seat's spans");

        Assert.Equal(
            [(SeatState.Ready, null, readyAt, midnight.AddSeconds(-30)), (SeatState.NotReady, "break", midnight.AddSeconds(-30), midnight), (SeatState.NotReady, "break", midnight, midnight.AddSeconds(60))],
            spans.Select(x => (x.State, x.Reason, x.From, x.To)));
        Assert.All(spans, span => Assert.Equal((agent, false), (span.Agent, span.Missed)));
        Assert.Equal([clock.DayOf(readyAt), clock.DayOf(readyAt), clock.DayOf(midnight)], spans.Select(x => x.Day));
    }

    [Fact]
    public async Task The_spans_of_an_offer_and_its_call_reach_the_store_once_the_call_is_over()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var readyAt = s.Time.GetUtcNow();
        s.Advance(5);
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        s.Advance(3);
        await s.Cti.CallAnswered(call, seat);
        s.Advance(60);
        await s.Cti.CallEnded(call);
        s.Advance(10);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);

        await using var services = new ServiceCollection().AddLogging().AddCallCenterHistory(fixture.History).BuildServiceProvider();
        var activity = services.GetRequiredService<IAgentActivity>();
        var spans = await Eventually.Until(() => activity.Of(seat, readyAt.AddDays(-1), readyAt.AddDays(1)), l => l.Count >= 4, "the call's spans");
        Assert.Equal(
            [(SeatState.Ready, 5.0), (SeatState.Reserved, 3.0), (SeatState.OnCall, 60.0), (SeatState.WrapUp, 10.0)],
            spans.Select(x => (x.State, (x.To - x.From).TotalSeconds)));
        Assert.Equal(readyAt, spans[0].From);
        Assert.All(spans.Zip(spans.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
    }
}
