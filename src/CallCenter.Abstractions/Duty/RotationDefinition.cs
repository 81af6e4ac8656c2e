namespace CallCenter.Duty;

/// <summary>
/// Departments take turns in the listed order, and officers within each department in theirs. A <paramref name="Demo"/>
/// rotation (the embedded demo's) has shifts every day, weekends and holidays included, each marked as a demo shift.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.RotationDefinition")]
public sealed record RotationDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<ShiftTemplate> Templates,
    [property: Id(2)] IReadOnlyList<DutyDepartment> Departments,
    [property: Id(3)] DutyRules Rules,
    [property: Id(4)] bool Demo = false);
