namespace CallCenter.Duty;

[GenerateSerializer]
public sealed class DutyRegisterRecord
{
    [Id(0)] public Dictionary<string, DutyTile> CheckedIn { get; set; } = [];
}

/// <summary>Keeps the shifts someone is checked in to; every shift reports each change.</summary>
[GrainType("duty-register")]
public sealed class DutyRegisterGrain(
    [PersistentState("duty-register", StorageNames.Grains)] IPersistentState<DutyRegisterRecord> register) : Grain, IDutyRegisterGrain
{
    async Task IDutyRegisterGrain.Update(DutyTile tile)
    {
        var onDuty = tile.Status == ShiftStatus.CheckedIn;
        if (onDuty)
        {
            register.State.CheckedIn[tile.ShiftId] = tile;
        }
        else if (!register.State.CheckedIn.Remove(tile.ShiftId))
        {
            return;
        }

        await register.WriteStateAsync();
    }

    Task<IReadOnlyList<DutyTile>> IDutyRegisterGrain.OnDuty(string? department) =>
        Task.FromResult<IReadOnlyList<DutyTile>>(register.State.CheckedIn.Values
            .Where(t => department is null || t.Shift.Department == department)
            .OrderBy(t => t.CheckedInAt)
            .ToArray());
}
