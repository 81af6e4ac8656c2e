namespace CallCenter.WorkOrders;

[GenerateSerializer]
public sealed class WorkOrderRecord
{
    [Id(0)] public WorkOrderOpening? Opening { get; set; }
    [Id(1)] public WorkOrderStatus Status { get; set; }
    [Id(2)] public string Owner { get; set; } = "";
    [Id(3)] public string? Department { get; set; }
    [Id(4)] public string? Assignee { get; set; }
    [Id(5)] public AssigneeLevel? Level { get; set; }
    [Id(6)] public string? Answer { get; set; }
    [Id(7)] public ComplaintFinding? Finding { get; set; }
    [Id(8)] public Survey? Survey { get; set; }
    [Id(9)] public List<Attachment> Attachments { get; set; } = [];
    [Id(10)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(11)] public DateTimeOffset? Due { get; set; }
    [Id(12)] public bool DueSoonTold { get; set; }
    [Id(13)] public bool OverdueTold { get; set; }
    [Id(14)] public int Escalations { get; set; }
    [Id(15)] public int LateStages { get; set; }
    [Id(16)] public DateTimeOffset OpenedAt { get; set; }
    [Id(17)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(18)] public List<string> Related { get; set; } = [];
    [Id(19)] public string? KnowledgeEntry { get; set; }
    [Id(20)] public List<string> Participants { get; set; } = [];

    /// <summary>The running stage and the instant its clock counts from, so a loaded year can count it again.</summary>
    [Id(21)] public DeadlineStage? Stage { get; set; }
    [Id(22)] public DateTimeOffset? StageFrom { get; set; }

    /// <summary>Years without an official arrangement the deadline was counted across (empty: it is firm).</summary>
    [Id(23)] public List<int> ProvisionalYears { get; set; } = [];

    [Id(24)] public int GuidanceMinutes { get; set; }
    [Id(25)] public DateTimeOffset? FixedAt { get; set; }
    [Id(26)] public string? VisitRecord { get; set; }
    [Id(27)] public List<ActionCheck> ActionChecks { get; set; } = [];
}
