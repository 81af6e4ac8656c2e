using Orleans.Utilities;

namespace CallCenter.WorkOrders;

[GenerateSerializer]
public sealed class WorkDirectoryRecord
{
    [Id(0)] public Dictionary<string, WorkDepartment> Departments { get; set; } = [];

    /// <summary>The managed complaint causes; null until an administrator saves a list (the defaults apply).</summary>
    [Id(1)] public List<ComplaintCause>? Causes { get; set; }
}

[GrainType("work-directory")]
public sealed class WorkDirectoryGrain(
    [PersistentState("work-directory", StorageNames.Grains)] IPersistentState<WorkDirectoryRecord> directory,
    CallCenterClock clock) : Grain, IWorkDirectoryGrain
{
    async Task<IReadOnlyList<WorkDepartment>> IWorkDirectoryGrain.Put(WorkDepartment department, string by)
    {
        directory.State.Departments[department.Id] = department;
        await directory.WriteStateAsync();
        await Reporting.Audit.Record(GrainFactory, clock, by, "work-department", $"department:{department.Id}",
            $"liaison {department.Liaison}, backup {department.Backup}, head {department.Head}, handlers {string.Join(' ', department.Handlers)}");
        return List();
    }

    Task<IReadOnlyList<WorkDepartment>> IWorkDirectoryGrain.List() => Task.FromResult(List());

    Task<IReadOnlyList<ComplaintCause>> IWorkDirectoryGrain.Causes() => Task.FromResult<IReadOnlyList<ComplaintCause>>(directory.State.Causes ?? [.. ComplaintCause.Defaults]);

    async Task<IReadOnlyList<ComplaintCause>> IWorkDirectoryGrain.PutCauses(IReadOnlyList<ComplaintCause> causes, string by)
    {
        directory.State.Causes = [.. causes];
        await directory.WriteStateAsync();
        await Reporting.Audit.Record(GrainFactory, clock, by, "complaint-causes", "work-orders:causes", string.Join(' ', causes.Select(c => c.Id)));
        return causes;
    }

    private IReadOnlyList<WorkDepartment> List() => directory.State.Departments.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
}

[GenerateSerializer]
public sealed class WorkNoticesRecord
{
    public const int Kept = 100;

    [Id(0)] public List<WorkNotice> Notices { get; set; } = [];
}

[GrainType("work-notices")]
public sealed class WorkNoticesGrain(
    [PersistentState("work-notices", StorageNames.Grains)] IPersistentState<WorkNoticesRecord> notices) : Grain, IWorkNoticesGrain
{
    async Task IWorkNoticesGrain.Notify(WorkNotice notice)
    {
        notices.State.Notices.Insert(0, notice);
        if (notices.State.Notices.Count > WorkNoticesRecord.Kept)
        {
            notices.State.Notices.RemoveAt(WorkNoticesRecord.Kept);
        }

        await notices.WriteStateAsync();
    }

    Task<IReadOnlyList<WorkNotice>> IWorkNoticesGrain.List() => Task.FromResult<IReadOnlyList<WorkNotice>>(notices.State.Notices.ToArray());
}

/// <summary>Fans every change out to the hosts' relays; nothing is kept (pages load the lists, then follow the feed).</summary>
[GrainType("work-order-feed")]
public sealed class WorkOrderFeedGrain(ILogger<WorkOrderFeedGrain> logger) : Grain, IWorkOrderFeedGrain
{
    private readonly ObserverManager<IWorkOrderObserver> observers = new(TimeSpan.FromMinutes(2), logger);

    Task IWorkOrderFeedGrain.Publish(WorkOrderChange change) => observers.Notify(o => o.OnChange(change));

    Task IWorkOrderFeedGrain.Subscribe(IWorkOrderObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    Task IWorkOrderFeedGrain.Unsubscribe(IWorkOrderObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
