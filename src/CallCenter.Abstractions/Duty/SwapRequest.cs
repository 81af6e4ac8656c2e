namespace CallCenter.Duty;

/// <summary>An officer asks a colleague to take their shift; the colleague accepts, then the department head approves.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.SwapRequest")]
public sealed record SwapRequest(
    [property: Id(0)] string From,
    [property: Id(1)] string To,
    [property: Id(2)] string? Note,
    [property: Id(3)] DateTimeOffset RequestedAt,
    [property: Id(4)] DateTimeOffset? AcceptedAt = null);
