namespace CallCenter.Duty;

/// <summary>An officer's declared leave or unavailability, <paramref name="From"/> to <paramref name="To"/> inclusive.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.Leave")]
public sealed record Leave(
    [property: Id(0)] string Officer,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] string Reason)
{
    public bool Covers(string officer, DateOnly date) => Officer == officer && date >= From && date <= To;
}
