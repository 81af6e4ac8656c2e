namespace CallCenter.Duty;

[GrainType("duty-officer")]
public sealed class DutyOfficerGrain(
    [PersistentState("duty-officer", StorageNames.Grains)] IPersistentState<DutyOfficerRecord> officer) : Grain, IDutyOfficerGrain
{
    private DutyOfficerRecord S => officer.State;

    async Task IDutyOfficerGrain.Activate(string shiftId)
    {
        if (S.ActiveShift == shiftId)
        {
            return;
        }

        if (S.ActiveShift is { } other)
        {
            throw new RuleViolationException($"{this.GetPrimaryKeyString()} is still checked in to {other}: check out of it first (one active shift per person).");
        }

        S.ActiveShift = shiftId;
        await officer.WriteStateAsync();
    }

    async Task IDutyOfficerGrain.Release(string shiftId)
    {
        if (S.ActiveShift == shiftId)
        {
            S.ActiveShift = null;
            await officer.WriteStateAsync();
        }
    }

    Task<string?> IDutyOfficerGrain.ActiveShift() => Task.FromResult(S.ActiveShift);

    async Task IDutyOfficerGrain.Assign(string shiftId, DateTimeOffset start, bool assigned)
    {
        if (assigned)
        {
            if (S.Shifts.TryGetValue(shiftId, out var known) && known == start)
            {
                return;
            }

            S.Shifts[shiftId] = start;
        }
        else if (!S.Shifts.Remove(shiftId))
        {
            return;
        }

        await officer.WriteStateAsync();
    }

    Task<IReadOnlyList<string>> IDutyOfficerGrain.Shifts(DateTimeOffset from) =>
        Task.FromResult<IReadOnlyList<string>>(S.Shifts.Where(s => s.Value >= from).OrderBy(s => s.Value).Select(s => s.Key).ToArray());

    async Task IDutyOfficerGrain.Notify(DutyNotice notice)
    {
        S.Notices.Insert(0, notice);
        if (S.Notices.Count > DutyOfficerRecord.NoticesKept)
        {
            S.Notices.RemoveRange(DutyOfficerRecord.NoticesKept, S.Notices.Count - DutyOfficerRecord.NoticesKept);
        }

        await officer.WriteStateAsync();
    }

    Task<IReadOnlyList<DutyNotice>> IDutyOfficerGrain.Notices() => Task.FromResult<IReadOnlyList<DutyNotice>>(S.Notices.ToArray());
}
