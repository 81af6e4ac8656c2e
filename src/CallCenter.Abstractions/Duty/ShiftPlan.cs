namespace CallCenter.Duty;

/// <summary>What the rotation tells a shift when it publishes it: the roster line plus the rules and people around it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.ShiftPlan")]
public sealed record ShiftPlan(
    [property: Id(0)] string Rotation,
    [property: Id(1)] RosterShift Shift,
    [property: Id(2)] string TemplateName,
    [property: Id(3)] string DepartmentName,
    [property: Id(4)] string Head,
    [property: Id(5)] DutyRules Rules,
    [property: Id(6)] string? PreviousShiftId,
    [property: Id(7)] bool Demo = false)
{
    public DateTimeOffset WindowOpens => Shift.Start.AddMinutes(-Rules.CheckInOpensMinutes);
    public DateTimeOffset LateAt => Shift.Start.AddMinutes(Rules.LateAfterMinutes);
    public DateTimeOffset NoShowAt => Shift.Start.AddMinutes(Rules.NoShowAfterMinutes);
    public DateTimeOffset AutoCheckOutAt => Shift.End.AddMinutes(Rules.AutoCheckOutAfterMinutes);
}
