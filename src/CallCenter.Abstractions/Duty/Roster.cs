namespace CallCenter.Duty;

/// <summary>A rotation's roster for a period; <paramref name="Problems"/> lists shifts no one could take, <paramref name="Published"/> whether officers see it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.Roster")]
public sealed record Roster(
    [property: Id(0)] string Rotation,
    [property: Id(1)] IReadOnlyList<RosterShift> Shifts,
    [property: Id(2)] IReadOnlyList<string> Problems,
    [property: Id(3)] bool Published);
