namespace CallCenter.Grains.Tests.Calls;

public sealed class CallTransitionsTests
{
    [Theory]
    [InlineData(CallState.Queued, CallEventKind.Offer, CallState.Offered)]
    [InlineData(CallState.Offered, CallEventKind.Answer, CallState.Connected)]
    [InlineData(CallState.Connected, CallEventKind.Hold, CallState.Held)]
    [InlineData(CallState.Held, CallEventKind.Retrieve, CallState.Connected)]
    [InlineData(CallState.Connected, CallEventKind.HangUp, CallState.WrapUp)]
    [InlineData(CallState.Held, CallEventKind.HangUp, CallState.WrapUp)]
    [InlineData(CallState.WrapUp, CallEventKind.WrapUpDone, CallState.Ended)]
    [InlineData(CallState.Queued, CallEventKind.Abandon, CallState.Abandoned)]
    [InlineData(CallState.Offered, CallEventKind.Abandon, CallState.Abandoned)]
    [InlineData(CallState.Queued, CallEventKind.RequestCallback, CallState.CallbackRequested)]
    [InlineData(CallState.CallbackRequested, CallEventKind.Offer, CallState.Offered)]
    public void Each_step_of_a_call_leads_where_it_should(CallState from, CallEventKind kind, CallState to) =>
        Assert.Equal(to, CallTransitions.Next("c", from, kind));

    [Theory]
    [InlineData(CallState.Queued, CallEventKind.Answer)]
    [InlineData(CallState.Queued, CallEventKind.HangUp)]
    [InlineData(CallState.Offered, CallEventKind.Hold)]
    [InlineData(CallState.Connected, CallEventKind.Abandon)]
    [InlineData(CallState.Connected, CallEventKind.Offer)]
    [InlineData(CallState.Ended, CallEventKind.Offer)]
    [InlineData(CallState.Abandoned, CallEventKind.Answer)]
    [InlineData(CallState.WrapUp, CallEventKind.Hold)]
    public void Steps_out_of_order_are_refused(CallState from, CallEventKind kind) =>
        Assert.Throws<IllegalTransitionException>(() => CallTransitions.Next("c", from, kind));
}
