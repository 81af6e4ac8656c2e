namespace CallCenter.WorkOrders;

/// <summary>An order in full. The owner (first receiver) never changes; the assignee changes with routing and transfers.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkOrderView")]
public sealed record WorkOrderView(
    [property: Id(0)] string OrderId,
    [property: Id(1)] WorkOrderKind Kind,
    [property: Id(2)] WorkOrderStatus Status,
    [property: Id(3)] string? Department,
    [property: Id(4)] string Owner,
    [property: Id(5)] string? Assignee,
    [property: Id(6)] AssigneeLevel? AssigneeLevel,
    [property: Id(7)] string? CallId,
    [property: Id(8)] Taxpayer Taxpayer,
    [property: Id(9)] string? Question,
    [property: Id(10)] string? Answer,
    [property: Id(11)] TaxReportDetails? TaxReport,
    [property: Id(12)] ComplaintSeverity? Severity,
    [property: Id(13)] ComplaintFinding? Finding,
    [property: Id(14)] Survey? Survey,
    [property: Id(15)] IReadOnlyList<Attachment> Attachments,
    [property: Id(16)] IReadOnlyList<TimelineEntry> Timeline,
    [property: Id(17)] DateTimeOffset? Due,
    [property: Id(18)] bool Overdue,
    [property: Id(19)] int Escalations,
    [property: Id(20)] int LateStages,
    [property: Id(21)] DateTimeOffset OpenedAt,
    [property: Id(22)] DateTimeOffset? ClosedAt,
    [property: Id(23)] string? SourceOrder,
    [property: Id(24)] IReadOnlyList<string> RelatedOrders,
    [property: Id(25)] string? KnowledgeEntry,
    [property: Id(26)] IReadOnlyList<string> Participants,
    [property: Id(27)] string? Against,
    [property: Id(28)] IReadOnlyList<int>? ProvisionalYears = null,
    [property: Id(29)] int GuidanceMinutes = 0,
    [property: Id(30)] OnSiteDispatch? Dispatch = null,
    [property: Id(31)] DateTimeOffset? FixedAt = null,
    [property: Id(32)] string? VisitRecord = null,
    [property: Id(33)] IReadOnlyList<ActionCheck>? ActionChecks = null)
{
    /// <summary>The deadline was counted across a year with no official arrangement loaded: it may move when that year is loaded.</summary>
    public bool DueProvisional => ProvisionalYears is { Count: > 0 };

    public WorkOrderSummary Summary() => new(OrderId, Kind, Status, Department, Owner, Assignee, AssigneeLevel, Brief(Question), Severity,
        Due, Overdue, Escalations, LateStages, OpenedAt, ClosedAt, Finding is { Valid: true } ? Finding.AtFault ?? Against : null,
        Finding?.Valid, Survey?.Satisfaction, Survey?.Reason, Participants, SourceOrder, ProvisionalYears, Finding?.Cause, Survey?.Cause);

    private static string? Brief(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text;
}

/// <summary>An order as inboxes and reports list it: no taxpayer identifiers, the question cut short.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkOrderSummary")]
public sealed record WorkOrderSummary(
    [property: Id(0)] string OrderId,
    [property: Id(1)] WorkOrderKind Kind,
    [property: Id(2)] WorkOrderStatus Status,
    [property: Id(3)] string? Department,
    [property: Id(4)] string Owner,
    [property: Id(5)] string? Assignee,
    [property: Id(6)] AssigneeLevel? AssigneeLevel,
    [property: Id(7)] string? Brief,
    [property: Id(8)] ComplaintSeverity? Severity,
    [property: Id(9)] DateTimeOffset? Due,
    [property: Id(10)] bool Overdue,
    [property: Id(11)] int Escalations,
    [property: Id(12)] int LateStages,
    [property: Id(13)] DateTimeOffset OpenedAt,
    [property: Id(14)] DateTimeOffset? ClosedAt,
    [property: Id(15)] string? Vetoed,
    [property: Id(16)] bool? ComplaintValid,
    [property: Id(17)] Satisfaction? Satisfaction,
    [property: Id(18)] string? SurveyReason,
    [property: Id(19)] IReadOnlyList<string> Participants,
    [property: Id(20)] string? SourceOrder,
    [property: Id(21)] IReadOnlyList<int>? ProvisionalYears = null,
    [property: Id(22)] string? Cause = null,
    [property: Id(23)] string? SurveyCause = null)
{
    public bool DueProvisional => ProvisionalYears is { Count: > 0 };
}
