namespace CallCenter.Duty;

/// <summary>A duty rotation (key: its id): departments, officers, templates, leave and the roster it publishes.</summary>
[Alias("CallCenter.Duty.IRotationGrain")]
public interface IRotationGrain : IGrainWithStringKey
{
    [Alias("Define")] Task<RotationDefinition> Define(RotationDefinition definition, string by);

    /// <summary>Throws <see cref="NotConfiguredException"/> for a rotation never defined.</summary>
    [Alias("GetDefinition")] Task<RotationDefinition> GetDefinition();

    [Alias("DeclareLeave")] Task<IReadOnlyList<Leave>> DeclareLeave(Leave leave, string by);

    [Alias("GetLeave")] Task<IReadOnlyList<Leave>> GetLeave();

    /// <summary>Replaces the draft with a generated roster for the working days of the period.</summary>
    [Alias("Generate")] Task<Roster> Generate(DateOnly from, DateOnly to, string by);

    /// <summary>Changes one shift's officer and backup, with a reason; a published shift changes at once.</summary>
    [Alias("Edit")] Task<RosterShift> Edit(string shiftId, string officer, string? backup, string reason, string by);

    /// <summary>Publishes the draft: every shift becomes a live shift grain and its officers are told.</summary>
    [Alias("Publish")] Task<Roster> Publish(string by);

    /// <summary>The published shifts of the period, or (<paramref name="draft"/>) the unpublished draft, by start.</summary>
    [Alias("GetRoster")] Task<Roster> GetRoster(DateOnly from, DateOnly to, bool draft);

    /// <summary>The department head (or an administrator) approves a swap the colleague accepted.</summary>
    [Alias("ApproveSwap")] Task<RosterShift> ApproveSwap(string shiftId, string approver, bool administrator);
}
