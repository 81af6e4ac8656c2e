namespace CallCenter.Reporting;

[GenerateSerializer]
public sealed class AuditDayRecord
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
