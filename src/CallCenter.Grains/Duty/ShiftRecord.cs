namespace CallCenter.Duty;

[GenerateSerializer]
public sealed class ShiftRecord
{
    [Id(0)] public ShiftPlan? Plan { get; set; }
    [Id(1)] public ShiftStatus Status { get; set; }
    [Id(2)] public bool Late { get; set; }
    [Id(3)] public bool Overtime { get; set; }
    [Id(4)] public string? CheckedInBy { get; set; }
    [Id(5)] public DateTimeOffset? CheckedInAt { get; set; }
    [Id(6)] public DateTimeOffset? CheckedOutAt { get; set; }
    [Id(7)] public List<ClockEntry> Clock { get; set; } = [];
    [Id(8)] public Handover? Handover { get; set; }
    [Id(9)] public SwapRequest? Swap { get; set; }
}
