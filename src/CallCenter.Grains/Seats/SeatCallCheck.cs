namespace CallCenter.Seats;

/// <summary>What a seat reserved for or on a call does when the call says otherwise (a notice between them was lost).</summary>
public enum SeatRepair
{
    None,

    /// <summary>The call was answered at this seat, but the seat never heard: it goes on the call.</summary>
    Connect,

    /// <summary>The call was answered here and has ended since: the seat goes on it and straight into wrap-up.</summary>
    ConnectAndWrapUp,

    /// <summary>The call is no longer talking to this seat: wrap-up starts (the call ignores the end of it).</summary>
    WrapUp,

    /// <summary>The call is no longer offered to this seat: the offer is let go without counting a miss.</summary>
    ReleaseOffer,
}

public static class SeatCallCheck
{
    public static SeatRepair Decide(string seatId, SeatState seat, CallSnapshot? call)
    {
        var callHere = call is not null && call.SeatId == seatId ? call.State : (CallState?)null;
        return (seat, callHere) switch
        {
            (SeatState.Reserved, CallState.Offered) => SeatRepair.None,
            (SeatState.Reserved, CallState.Connected or CallState.Held) => SeatRepair.Connect,
            (SeatState.Reserved, CallState.WrapUp) => SeatRepair.ConnectAndWrapUp,
            (SeatState.Reserved, _) => SeatRepair.ReleaseOffer,
            (SeatState.OnCall, CallState.Connected or CallState.Held) => SeatRepair.None,
            (SeatState.OnCall, _) => SeatRepair.WrapUp,
            _ => SeatRepair.None,
        };
    }
}
