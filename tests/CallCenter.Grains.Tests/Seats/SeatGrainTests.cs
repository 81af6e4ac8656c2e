using CallCenter.Grains.Tests.Infrastructure;

namespace CallCenter.Grains.Tests.Seats;

[Collection(ClusterCollection.Name)]
public sealed class SeatGrainTests(ClusterFixture fixture)
{
    private readonly Scenario s = new(fixture);

    [Fact]
    public async Task A_seat_never_defined_is_not_found()
    {
        await Assert.ThrowsAsync<NotConfiguredException>(() => s.Seat(s.Id("ghost")).Get());
        await Assert.ThrowsAsync<NotConfiguredException>(() => s.Seat(s.Id("ghost")).Login("agent"));
    }

    [Fact]
    public async Task Login_starts_not_ready_and_ready_needs_a_login()
    {
        var q = await s.Queue("q");
        var seat = await s.DefinedSeat("s", false, (q, 3));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Seat(seat).ChangeState(SeatState.Ready, null));
        var loggedIn = await s.Seat(seat).Login(s.Id("agent1"));
        Assert.Equal(SeatState.NotReady, loggedIn.State);
        Assert.Equal(s.Id("agent1"), loggedIn.Agent);
        Assert.Equal(SeatState.Ready, (await s.Seat(seat).ChangeState(SeatState.Ready, null)).State);
    }

    [Fact]
    public async Task Not_ready_needs_a_reason_from_the_configured_list()
    {
        var seat = await s.ReadySeat("s", false);
        await Assert.ThrowsAsync<DomainValidationException>(() => s.Seat(seat).ChangeState(SeatState.NotReady, null));
        await Assert.ThrowsAsync<DomainValidationException>(() => s.Seat(seat).ChangeState(SeatState.NotReady, "nap"));
        var onBreak = await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Meal);
        Assert.Equal((SeatState.NotReady, "meal"), (onBreak.State, onBreak.Reason));
    }

    [Fact]
    public async Task An_agent_cannot_ask_for_routing_states()
    {
        var seat = await s.ReadySeat("s", false);
        await Assert.ThrowsAsync<DomainValidationException>(() => s.Seat(seat).ChangeState(SeatState.OnCall, null));
        await Assert.ThrowsAsync<DomainValidationException>(() => s.Seat(seat).ChangeState(SeatState.Reserved, null));
    }

    [Fact]
    public async Task A_remote_seat_whose_phone_unregisters_leaves_routing_and_returns_when_it_registers()
    {
        var seat = await s.ReadySeat("remote", remote: true);
        var offline = await s.Seat(seat).PhoneRegistration(false);
        Assert.Equal((SeatState.NotReady, NotReadyReasons.PhoneOffline), (offline.State, offline.Reason));
        Assert.False(offline.PhoneRegistered);

        var back = await s.Seat(seat).PhoneRegistration(true);
        Assert.Equal(SeatState.Ready, back.State);
    }

    [Fact]
    public async Task A_remote_agent_who_chose_a_break_stays_on_break_when_the_phone_returns()
    {
        var seat = await s.ReadySeat("remote", remote: true);
        await s.Seat(seat).PhoneRegistration(false);
        await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Break);
        var back = await s.Seat(seat).PhoneRegistration(true);
        Assert.Equal((SeatState.NotReady, NotReadyReasons.Break), (back.State, back.Reason));
    }

    [Fact]
    public async Task A_remote_seat_without_a_registered_phone_cannot_go_ready()
    {
        var seat = await s.DefinedSeat("remote", remote: true);
        await s.Seat(seat).Login(s.Id("a"));
        var attempt = await s.Seat(seat).ChangeState(SeatState.Ready, null);
        Assert.Equal((SeatState.NotReady, NotReadyReasons.PhoneOffline), (attempt.State, attempt.Reason));
        Assert.Equal(SeatState.Ready, (await s.Seat(seat).PhoneRegistration(true)).State);
    }

    [Fact]
    public async Task Not_ready_time_is_counted_by_reason_on_the_fixed_clock()
    {
        var seat = await s.ReadySeat("s", false);
        await s.Seat(seat).ChangeState(SeatState.NotReady, NotReadyReasons.Training);
        s.Advance(90);
        await s.Seat(seat).ChangeState(SeatState.Ready, null);
        var today = (await s.Seat(seat).Get()).Today;
        Assert.Equal(90, today.NotReadySecondsByReason[NotReadyReasons.Training], precision: 3);
    }

    [Fact]
    public async Task Logout_is_refused_during_an_offer()
    {
        var q = await s.Queue("q", ring: 30);
        var seat = await s.ReadySeat("s", false, (q, 3));
        await s.Arrive(q);
        await s.SeatIn(seat, SeatState.Reserved);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Seat(seat).Logout());
    }

    [Theory]
    [InlineData(SeatState.Ready)]
    [InlineData(SeatState.NotReady)]
    public async Task An_agent_cannot_change_state_while_an_offer_rings_or_a_call_is_on(SeatState wanted)
    {
        var q = await s.Queue("q", ring: 30);
        var seat = await s.ReadySeat("s", false, (q, 3));
        var call = await s.Arrive(q);
        await s.SeatIn(seat, SeatState.Reserved);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Seat(seat).ChangeState(wanted, NotReadyReasons.Break));
        Assert.Equal(call, (await s.Seat(seat).Get()).CallId);

        await s.Cti.CallAnswered(call, seat);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Seat(seat).ChangeState(wanted, NotReadyReasons.Break));
        Assert.Equal(SeatState.OnCall, (await s.Seat(seat).Get()).State);
    }
}
