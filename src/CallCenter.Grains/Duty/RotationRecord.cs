namespace CallCenter.Duty;

[GenerateSerializer]
public sealed class RotationRecord
{
    [Id(0)] public RotationDefinition? Definition { get; set; }
    [Id(1)] public List<Leave> Leave { get; set; } = [];
    [Id(2)] public List<RosterShift> Draft { get; set; } = [];
    [Id(3)] public List<string> DraftProblems { get; set; } = [];
    [Id(4)] public Dictionary<string, RosterShift> Published { get; set; } = [];
}
