namespace CallCenter.WorkOrders;

/// <summary>
/// What the receiving seat records to open an order. <paramref name="Question"/> is the taxpayer's question, the
/// complaint, or the on-site service being followed up; an integrity referral carries no content at all.
/// <paramref name="NotBy"/> names who may not make a follow-up: the people whose service it surveys.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkOrderOpening")]
public sealed record WorkOrderOpening(
    [property: Id(0)] WorkOrderKind Kind,
    [property: Id(1)] string? Department,
    [property: Id(2)] string? CallId,
    [property: Id(3)] Taxpayer Taxpayer,
    [property: Id(4)] string? Question,
    [property: Id(5)] TaxReportDetails? TaxReport = null,
    [property: Id(6)] ComplaintSeverity? Severity = null,
    [property: Id(7)] string? Against = null,
    [property: Id(8)] string? SourceOrder = null,
    [property: Id(9)] string? Assignee = null,
    [property: Id(10)] IReadOnlyList<string>? NotBy = null,
    [property: Id(11)] OnSiteDispatch? Dispatch = null);

/// <summary>The dispatch order of an on-site service (派单): who goes, where, and the time agreed with the taxpayer.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.OnSiteDispatch")]
public sealed record OnSiteDispatch(
    [property: Id(0)] string Engineer,
    [property: Id(1)] string Address,
    [property: Id(2)] DateTimeOffset AgreedAt);
