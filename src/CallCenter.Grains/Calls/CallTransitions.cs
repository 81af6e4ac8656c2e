namespace CallCenter.Calls;

/// <summary>The call state machine: which event is allowed in which state, and where it leads.</summary>
public static class CallTransitions
{
    private static readonly Dictionary<(CallState From, CallEventKind Kind), CallState> Table = new()
    {
        [(CallState.Queued, CallEventKind.Offer)] = CallState.Offered,
        [(CallState.Queued, CallEventKind.Abandon)] = CallState.Abandoned,
        [(CallState.Queued, CallEventKind.RequestCallback)] = CallState.CallbackRequested,
        [(CallState.Queued, CallEventKind.Overflow)] = CallState.Queued,
        [(CallState.CallbackRequested, CallEventKind.Offer)] = CallState.Offered,
        [(CallState.CallbackRequested, CallEventKind.Overflow)] = CallState.CallbackRequested,
        [(CallState.CallbackRequested, CallEventKind.Abandon)] = CallState.Abandoned,
        [(CallState.Offered, CallEventKind.Answer)] = CallState.Connected,
        [(CallState.Offered, CallEventKind.OfferRevoked)] = CallState.Queued,
        [(CallState.Offered, CallEventKind.Abandon)] = CallState.Abandoned,
        [(CallState.Offered, CallEventKind.RequestCallback)] = CallState.CallbackRequested,
        [(CallState.Connected, CallEventKind.Hold)] = CallState.Held,
        [(CallState.Connected, CallEventKind.HangUp)] = CallState.WrapUp,
        [(CallState.Held, CallEventKind.Retrieve)] = CallState.Connected,
        [(CallState.Held, CallEventKind.HangUp)] = CallState.WrapUp,
        [(CallState.WrapUp, CallEventKind.WrapUpDone)] = CallState.Ended,
    };

    /// <summary>States a repeated event leaves unchanged instead of refusing (softswitches retry).</summary>
    private static readonly Dictionary<CallEventKind, CallState[]> AlreadyDone = new()
    {
        [CallEventKind.Answer] = [CallState.Connected, CallState.Held],
        [CallEventKind.Hold] = [CallState.Held],
        [CallEventKind.Retrieve] = [CallState.Connected],
        [CallEventKind.HangUp] = [CallState.WrapUp, CallState.Ended],
        [CallEventKind.WrapUpDone] = [CallState.Ended],
        [CallEventKind.Abandon] = [CallState.Abandoned],
        [CallEventKind.RequestCallback] = [CallState.CallbackRequested],
    };

    public static bool IsTerminal(CallState state) => state is CallState.Ended or CallState.Abandoned;

    public static bool IsRepeat(CallState state, CallEventKind kind) =>
        AlreadyDone.TryGetValue(kind, out var states) && states.Contains(state);

    public static CallState Next(string callId, CallState from, CallEventKind kind) =>
        Table.TryGetValue((from, kind), out var to)
            ? to
            : throw new IllegalTransitionException("Call", callId, from.ToString(), kind.ToString());
}
