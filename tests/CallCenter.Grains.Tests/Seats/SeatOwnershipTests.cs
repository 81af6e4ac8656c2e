using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Seats;

/// <summary>A seat holds one agent, an agent holds one seat, and a call remembers who took it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SeatOwnershipTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_held_seat_refuses_another_agent_and_an_agent_refuses_a_second_seat()
    {
        var (a, b) = (await s.DefinedSeat("a"), await s.DefinedSeat("b"));
        var (first, second) = (s.Id("first"), s.Id("second"));
        await s.Seat(a).Login(first);
        Assert.Equal(first, (await s.Seat(a).Login(first)).Agent);

        var taken = await Assert.ThrowsAsync<RuleViolationException>(() => s.Seat(a).Login(second));
        Assert.Contains(first, taken.Message);
        var twice = await Assert.ThrowsAsync<RuleViolationException>(() => s.Seat(b).Login(first));
        Assert.Contains(a, twice.Message);
        Assert.Equal(SeatState.LoggedOut, (await s.Seat(b).Get()).State);

        await s.Seat(a).Logout();
        Assert.Null(await s.Grains.GetGrain<IAgentGrain>(first).Seat());
        Assert.Equal(first, (await s.Seat(b).Login(first)).Agent);
        Assert.Equal(b, await s.Grains.GetGrain<IAgentGrain>(first).Seat());
    }

    [Fact]
    public async Task One_agent_logging_in_at_several_seats_at_once_gets_exactly_one()
    {
        var seats = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            seats.Add(await s.DefinedSeat($"race{i}"));
        }

        var agent = s.Id("racer");
        var outcomes = await Task.WhenAll(seats.Select(async seat =>
        {
            try
            {
                await s.Seat(seat).Login(agent);
                return seat;
            }
            catch (RuleViolationException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes.OfType<string>());
        var held = await Task.WhenAll(seats.Select(seat => s.Seat(seat).Get()));
        Assert.Equal([winner], held.Where(x => x.Agent == agent).Select(x => x.SeatId));
        Assert.Equal(winner, await s.Grains.GetGrain<IAgentGrain>(agent).Seat());
    }

    [Fact]
    public async Task A_claim_whose_release_was_lost_heals_at_the_agents_next_login()
    {
        var (a, b) = (await s.DefinedSeat("a"), await s.DefinedSeat("b"));
        var agent = s.Id("agent");
        // The agent grain still names seat a although a was never (or no longer) logged in: a lost release.
        await s.Grains.GetGrain<IAgentGrain>(agent).Claim(a);
        Assert.Equal(agent, (await s.Seat(b).Login(agent)).Agent);
    }

    [Fact]
    public async Task A_supervisor_takes_a_seat_over_moving_the_agent_but_never_during_a_call()
    {
        var q = await s.Queue("q");
        var (a, b) = (await s.ReadySeat("a", false, (q, 3)), await s.DefinedSeat("b", false, (q, 3)));
        var newcomer = s.Id("newcomer");
        await s.Seat(b).Login(newcomer);

        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        var supervision = s.Grains.GetGrain<ISeatSupervisionGrain>(a);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => supervision.TakeOver(newcomer, "supervisor"));
        await s.Cti.CallAnswered(call, a);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => supervision.TakeOver(newcomer, "supervisor"));
        await s.Cti.CallEnded(call);

        // In wrap-up the takeover ends the wrap-up (the call is not left hanging) and moves the newcomer from seat b.
        var over = await supervision.TakeOver(newcomer, "supervisor");
        Assert.Equal((newcomer, SeatState.NotReady), (over.Agent, over.State));
        Assert.Equal(SeatState.LoggedOut, (await s.Seat(b).Get()).State);
        Assert.Equal(CallState.Ended, (await s.Call(call).Get()).State);
        Assert.Null(await s.Grains.GetGrain<IAgentGrain>(s.Agent("a")).Seat());
    }

    [Fact]
    public async Task The_call_records_the_agent_who_took_it_and_keeps_it_after_they_leave_the_seat()
    {
        var q = await s.Queue("q");
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.CallIn(call, CallState.Offered);
        Assert.Null((await s.Call(call).Get()).Agent);
        await s.Cti.CallAnswered(call, seat);
        await s.Cti.CallEnded(call);
        await s.Seat(seat).Logout();
        await s.Seat(seat).Login(s.Id("someone-else"));
        Assert.Equal(s.Agent("s"), (await s.Call(call).Get()).Agent);
    }
}
