namespace CallCenter.Seats;

/// <summary>A text message from a supervisor to the agent at a seat.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Seats.SeatMessage")]
public sealed record SeatMessage([property: Id(0)] DateTimeOffset At, [property: Id(1)] string From, [property: Id(2)] string Text);
