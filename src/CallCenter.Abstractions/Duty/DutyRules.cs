namespace CallCenter.Duty;

/// <summary>
/// The clock of every shift: check-in opens <see cref="CheckInOpensMinutes"/> before the start; after start +
/// <see cref="LateAfterMinutes"/> the officer is late (alert); after start + <see cref="NoShowAfterMinutes"/> it is a
/// no-show (alert to supervisors and the department head, offer to the backup); still checked in at the end → overtime,
/// and after end + <see cref="AutoCheckOutAfterMinutes"/> the system checks the officer out.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.DutyRules")]
public sealed record DutyRules(
    [property: Id(0)] int CheckInOpensMinutes = 30,
    [property: Id(1)] int LateAfterMinutes = 10,
    [property: Id(2)] int NoShowAfterMinutes = 30,
    [property: Id(3)] int AutoCheckOutAfterMinutes = 60);
