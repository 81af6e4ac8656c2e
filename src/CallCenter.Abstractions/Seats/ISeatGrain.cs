namespace CallCenter.Seats;

/// <summary>A seat (座席): what administrators define and agents do at it. Keyed by seat id.</summary>
[Alias("CallCenter.Seats.ISeatGrain")]
public interface ISeatGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the seat's name, department, remote flag and skills.</summary>
    [Alias("Define")] Task<SeatSnapshot> Define(SeatDefinition definition);

    /// <summary>An agent signs in at the seat; it starts NotReady. Refused (409) while another agent holds the seat or this agent holds another.</summary>
    [Alias("Login")] Task<SeatSnapshot> Login(string agent);

    /// <summary>The agent goes Ready, or NotReady with a reason code, or ends wrap-up.</summary>
    [Alias("ChangeState")] Task<SeatSnapshot> ChangeState(SeatState state, string? reason);

    /// <summary>The agent signs out; refused during an offer or a call.</summary>
    [Alias("Logout")] Task<SeatSnapshot> Logout();

    /// <summary>The softswitch reports the seat's IP phone registering or unregistering.</summary>
    [Alias("PhoneRegistration")] Task<SeatSnapshot> PhoneRegistration(bool registered);

    [Alias("Get")] Task<SeatSnapshot> Get();

    /// <summary>Who is logged in at the seat now (null if nobody); answers even while the seat is busy.</summary>
    [AlwaysInterleave, Alias("Holder")] Task<string?> Holder();
}
