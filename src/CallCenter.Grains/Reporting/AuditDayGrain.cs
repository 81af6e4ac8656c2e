namespace CallCenter.Reporting;

[GrainType("audit-day")]
public sealed class AuditDayGrain(
    [PersistentState("audit-day", StorageNames.Grains)] IPersistentState<AuditDayRecord> day) : Grain, IAuditDayGrain
{
    private string Day => this.GetPrimaryKeyString();

    async Task IAuditDayGrain.Append(AuditEntry entry)
    {
        var entries = day.State.Entries;
        var previous = entries.Count > 0 && entries[^1].Hash is { } last ? last : AuditChain.Genesis(Day);
        entries.Add(AuditChain.Link(entry, previous));
        try
        {
            await day.WriteStateAsync();
        }
        catch
        {
            entries.RemoveAt(entries.Count - 1);
            throw;
        }
    }

    Task<IReadOnlyList<AuditEntry>> IAuditDayGrain.Entries() => Task.FromResult<IReadOnlyList<AuditEntry>>(day.State.Entries.ToArray());

    async Task<AuditVerification> IAuditDayGrain.Verify()
    {
        // Check what storage holds now, not what this activation remembers.
        await day.ReadStateAsync();
        return AuditChain.Verify(Day, day.State.Entries);
    }
}
