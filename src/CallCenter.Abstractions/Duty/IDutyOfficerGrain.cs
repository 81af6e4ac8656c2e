namespace CallCenter.Duty;

/// <summary>One person's duty (key: user name): the one shift they are checked in to, and their notices.</summary>
[Alias("CallCenter.Duty.IDutyOfficerGrain")]
public interface IDutyOfficerGrain : IGrainWithStringKey
{
    /// <summary>Marks the shift active; refused with <see cref="RuleViolationException"/> while another one is.</summary>
    [Alias("Activate")] Task Activate(string shiftId);

    [Alias("Release")] Task Release(string shiftId);

    [Alias("ActiveShift")] Task<string?> ActiveShift();

    /// <summary>A shift reports that this person is (or no longer is) its officer or backup.</summary>
    [Alias("Assign")] Task Assign(string shiftId, DateTimeOffset start, bool assigned);

    /// <summary>Shift ids this person is on, by start, from <paramref name="from"/>.</summary>
    [Alias("Shifts")] Task<IReadOnlyList<string>> Shifts(DateTimeOffset from);

    [Alias("Notify")] Task Notify(DutyNotice notice);

    /// <summary>The latest notices first (at most 100 are kept).</summary>
    [Alias("Notices")] Task<IReadOnlyList<DutyNotice>> Notices();
}
