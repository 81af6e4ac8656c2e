namespace CallCenter.Duty;

/// <summary>
/// One shift of a roster: who is on duty and who backs them up. <paramref name="Officer"/> is null when no one was
/// eligible (the roster lists it as a problem). <paramref name="ShiftId"/> is "rotation/yyyy-MM-dd/template".
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.RosterShift")]
public sealed record RosterShift(
    [property: Id(0)] string ShiftId,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Template,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] DateTimeOffset End,
    [property: Id(5)] string? Department,
    [property: Id(6)] string? Officer,
    [property: Id(7)] string? Backup);
