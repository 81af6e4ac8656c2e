namespace CallCenter.Seats;

[GrainType("agent")]
public sealed class AgentGrain(
    [PersistentState("agent", StorageNames.Grains)] IPersistentState<AgentRecord> agent) : Grain, IAgentGrain
{
    private string Name => this.GetPrimaryKeyString();

    async Task IAgentGrain.Claim(string seatId)
    {
        if (agent.State.SeatId is { } held && held != seatId && await GrainFactory.GetGrain<ISeatGrain>(held).Holder() == Name)
        {
            throw new RuleViolationException($"Agent '{Name}' is logged in at seat '{held}': log out there first.");
        }

        // A claim whose seat no longer holds the agent (a logout whose release was lost) is simply replaced.
        if (agent.State.SeatId != seatId)
        {
            agent.State.SeatId = seatId;
            await agent.WriteStateAsync();
        }
    }

    async Task IAgentGrain.Release(string seatId)
    {
        if (agent.State.SeatId == seatId)
        {
            agent.State.SeatId = null;
            await agent.WriteStateAsync();
        }
    }

    Task<string?> IAgentGrain.Seat() => Task.FromResult(agent.State.SeatId);
}
