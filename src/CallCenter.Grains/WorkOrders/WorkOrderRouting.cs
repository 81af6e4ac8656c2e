namespace CallCenter.WorkOrders;

/// <summary>Who receives an order for a department, and who is one level above someone when an order is overdue.</summary>
public static class WorkOrderRouting
{
    /// <summary>The duty officer checked in for the department, else its liaison, else the backup.</summary>
    public static async Task<(string Person, AssigneeLevel Level)> Receiver(IGrainFactory grains, WorkDepartment department)
    {
        var onDuty = await grains.GetGrain<IDutyRegisterGrain>(0).OnDuty(department.Id);
        if (onDuty.FirstOrDefault(t => t.Status == ShiftStatus.CheckedIn && t.CheckedInBy is not null) is { } shift)
        {
            return (shift.CheckedInBy!, AssigneeLevel.DutyOfficer);
        }

        if (department.Liaison is { } liaison)
        {
            return (liaison, AssigneeLevel.Liaison);
        }

        return department.Backup is { } backup
            ? (backup, AssigneeLevel.Backup)
            : throw new RuleViolationException($"Department '{department.Name}' has no duty officer on shift, no liaison and no backup to receive work orders.");
    }

    public static async Task<WorkDepartment> Department(IGrainFactory grains, string id) =>
        await Find(grains, id) ?? throw new DomainValidationException("department", $"Department '{id}' is not configured for work orders.");

    /// <summary>The department's configuration, or null for none (or one no longer configured).</summary>
    public static async Task<WorkDepartment?> Find(IGrainFactory grains, string? id) =>
        id is null ? null : (await grains.GetGrain<IWorkDirectoryGrain>(0).List()).FirstOrDefault(d => d.Id == id);

    /// <summary>One level up: a handler's liaison, a liaison's (or officer's) head, then the supervisors (null).</summary>
    public static (string? Person, AssigneeLevel Level) Above(AssigneeLevel? level, string? assignee, WorkDepartment? department) => level switch
    {
        AssigneeLevel.Handler when department?.Liaison is { } liaison && liaison != assignee => (liaison, AssigneeLevel.Liaison),
        AssigneeLevel.Handler or AssigneeLevel.DutyOfficer or AssigneeLevel.Liaison or AssigneeLevel.Backup
            when department?.Head is { } head && head != assignee => (head, AssigneeLevel.Head),
        _ => (null, AssigneeLevel.Supervisors),
    };
}
