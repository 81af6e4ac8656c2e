namespace CallCenter.Reporting;

[GrainType("audit-day")]
public sealed class AuditDayGrain(
    [PersistentState("audit-day", StorageNames.Grains)] IPersistentState<AuditDayRecord> day) : Grain, IAuditDayGrain
{
    async Task IAuditDayGrain.Append(AuditEntry entry)
    {
        day.State.Entries.Add(entry);
        await day.WriteStateAsync();
    }

    Task<IReadOnlyList<AuditEntry>> IAuditDayGrain.Entries() => Task.FromResult<IReadOnlyList<AuditEntry>>(day.State.Entries.ToArray());
}
