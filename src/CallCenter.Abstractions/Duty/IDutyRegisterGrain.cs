namespace CallCenter.Duty;

/// <summary>Who is on duty now (key 0): every shift someone is checked in to. Work-order routing asks it first.</summary>
[Alias("CallCenter.Duty.IDutyRegisterGrain")]
public interface IDutyRegisterGrain : IGrainWithIntegerKey
{
    [Alias("Update")] Task Update(DutyTile tile);

    [Alias("OnDuty")] Task<IReadOnlyList<DutyTile>> OnDuty(string? department);
}
