namespace CallCenter.Duty;

[GenerateSerializer]
public sealed class DutyOfficerRecord
{
    public const int NoticesKept = 100;

    [Id(0)] public string? ActiveShift { get; set; }
    [Id(1)] public Dictionary<string, DateTimeOffset> Shifts { get; set; } = [];
    [Id(2)] public List<DutyNotice> Notices { get; set; } = [];
}
