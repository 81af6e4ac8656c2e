namespace CallCenter.Seats;

/// <summary>The seat can answer calls of <paramref name="Queue"/>; level 5 is the most skilled and is offered calls first.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatSkill")]
public sealed record SeatSkill([property: Id(0)] string Queue, [property: Id(1)] int Level);
