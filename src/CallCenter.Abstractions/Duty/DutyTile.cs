namespace CallCenter.Duty;

/// <summary>A shift as the wallboard's duty panel and "who is on duty now" show it.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.DutyTile")]
public sealed record DutyTile(
    [property: Id(0)] RosterShift Shift,
    [property: Id(1)] string TemplateName,
    [property: Id(2)] string DepartmentName,
    [property: Id(3)] ShiftStatus Status,
    [property: Id(4)] bool Late,
    [property: Id(5)] bool Overtime,
    [property: Id(6)] string? CheckedInBy,
    [property: Id(7)] DateTimeOffset? CheckedInAt,
    [property: Id(8)] DateTimeOffset? CheckedOutAt,
    [property: Id(9)] bool Demo = false)
{
    public string ShiftId => Shift.ShiftId;
}
