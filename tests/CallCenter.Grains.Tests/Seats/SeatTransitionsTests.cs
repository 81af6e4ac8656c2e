namespace CallCenter.Grains.Tests.Seats;

public sealed class SeatTransitionsTests
{
    [Theory]
    [InlineData(SeatState.LoggedOut, SeatState.Ready)]
    [InlineData(SeatState.LoggedOut, SeatState.OnCall)]
    [InlineData(SeatState.NotReady, SeatState.OnCall)]
    [InlineData(SeatState.NotReady, SeatState.Reserved)]
    [InlineData(SeatState.Ready, SeatState.OnCall)]
    [InlineData(SeatState.Reserved, SeatState.LoggedOut)]
    [InlineData(SeatState.OnCall, SeatState.Ready)]
    [InlineData(SeatState.OnCall, SeatState.LoggedOut)]
    [InlineData(SeatState.OnCall, SeatState.NotReady)]
    [InlineData(SeatState.WrapUp, SeatState.OnCall)]
    [InlineData(SeatState.WrapUp, SeatState.Reserved)]
    public void Illegal_transitions_are_refused_with_a_typed_error(SeatState from, SeatState to)
    {
        Assert.False(SeatTransitions.IsAllowed(from, to));
        var error = Assert.Throws<IllegalTransitionException>(() => SeatTransitions.Ensure("S1", from, to, "test"));
        Assert.Equal(from.ToString(), error.From);
    }

    [Theory]
    [InlineData(SeatState.LoggedOut, SeatState.NotReady)]
    [InlineData(SeatState.NotReady, SeatState.Ready)]
    [InlineData(SeatState.Ready, SeatState.Reserved)]
    [InlineData(SeatState.Reserved, SeatState.OnCall)]
    [InlineData(SeatState.Reserved, SeatState.Ready)]
    [InlineData(SeatState.OnCall, SeatState.WrapUp)]
    [InlineData(SeatState.WrapUp, SeatState.Ready)]
    [InlineData(SeatState.WrapUp, SeatState.LoggedOut)]
    public void The_call_path_is_allowed(SeatState from, SeatState to) => Assert.True(SeatTransitions.IsAllowed(from, to));
}
