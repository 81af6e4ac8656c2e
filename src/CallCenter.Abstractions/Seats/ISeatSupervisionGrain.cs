namespace CallCenter.Seats;

/// <summary>What supervisors do to a seat. Same grain as <see cref="ISeatGrain"/>; every action is audited.</summary>
[Alias("CallCenter.Seats.ISeatSupervisionGrain")]
public interface ISeatSupervisionGrain : IGrainWithStringKey
{
    /// <summary>Forces the seat NotReady (reason "forced" unless given) or logs the agent out; refused during an offer or a call.</summary>
    [Alias("Force")] Task<SeatSnapshot> Force(SeatState state, string? reason, string supervisor);

    /// <summary>A supervisor logs an agent in at this seat: whoever holds it is logged out, and so is the agent at any other seat they hold; refused during an offer or a call.</summary>
    [Alias("TakeOver")] Task<SeatSnapshot> TakeOver(string agent, string supervisor);

    /// <summary>Starts or stops listening, whispering or barging; the softswitch is told and the agent sees it.</summary>
    [Alias("Monitor")] Task<SeatSnapshot> Monitor(MonitorMode mode, string supervisor);

    /// <summary>Sends a text message to the agent logged in at the seat; the seat keeps the latest 20.</summary>
    [Alias("Message")] Task<SeatSnapshot> Message(string text, string supervisor);
}
