namespace CallCenter.Seats;

[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatDefinition")]
public sealed record SeatDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] string Department,
    [property: Id(2)] bool Remote,
    [property: Id(3)] IReadOnlyList<SeatSkill> Skills);
