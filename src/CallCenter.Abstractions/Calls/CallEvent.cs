namespace CallCenter.Calls;

/// <summary>
/// A change in a call's life. <paramref name="SeatId"/> and <paramref name="Queue"/> are used by the kinds that need them;
/// an offer names the <paramref name="Agent"/> logged in at the seat, who takes the call if it is answered.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Calls.CallEvent")]
public sealed record CallEvent(
    [property: Id(0)] CallEventKind Kind,
    [property: Id(1)] string? SeatId = null,
    [property: Id(2)] string? Queue = null,
    [property: Id(3)] string? Note = null,
    [property: Id(4)] string? Agent = null);
