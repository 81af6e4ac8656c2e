namespace CallCenter.Duty;

/// <summary>A business department (业务科室) in a rotation: its officers in rotation order and its head, who approves swaps.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Duty.DutyDepartment")]
public sealed record DutyDepartment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Head,
    [property: Id(3)] IReadOnlyList<string> Officers);
