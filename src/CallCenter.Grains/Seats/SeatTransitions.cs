namespace CallCenter.Seats;

/// <summary>The seat state machine: every allowed (from, to) pair, and the one place that refuses the rest.</summary>
public static class SeatTransitions
{
    private static readonly HashSet<(SeatState From, SeatState To)> Allowed =
    [
        (SeatState.LoggedOut, SeatState.NotReady),
        (SeatState.NotReady, SeatState.NotReady),
        (SeatState.NotReady, SeatState.Ready),
        (SeatState.NotReady, SeatState.LoggedOut),
        (SeatState.Ready, SeatState.NotReady),
        (SeatState.Ready, SeatState.Reserved),
        (SeatState.Ready, SeatState.LoggedOut),
        (SeatState.Reserved, SeatState.Ready),
        (SeatState.Reserved, SeatState.NotReady),
        (SeatState.Reserved, SeatState.OnCall),
        (SeatState.OnCall, SeatState.WrapUp),
        (SeatState.WrapUp, SeatState.Ready),
        (SeatState.WrapUp, SeatState.NotReady),
        (SeatState.WrapUp, SeatState.LoggedOut),
    ];

    public static bool IsAllowed(SeatState from, SeatState to) => Allowed.Contains((from, to));

    public static void Ensure(string seatId, SeatState from, SeatState to, string action)
    {
        if (!IsAllowed(from, to))
        {
            throw new IllegalTransitionException("Seat", seatId, from.ToString(), action);
        }
    }
}
