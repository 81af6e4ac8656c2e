namespace CallCenter.Seats;

/// <summary>An agent (the person, keyed by user name) and the one seat they are logged in at: an agent holds at most one seat.</summary>
[Alias("CallCenter.Seats.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>The agent takes this seat; refused (409) while they are still logged in at another one.</summary>
    [Alias("Claim")] Task Claim(string seatId);

    /// <summary>The agent left this seat; a no-op if they hold another one now.</summary>
    [Alias("Release")] Task Release(string seatId);

    /// <summary>The seat the agent is logged in at, if any.</summary>
    [Alias("Seat")] Task<string?> Seat();
}
