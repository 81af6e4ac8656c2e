namespace CallCenter.WorkOrders;

/// <summary>Who the taxpayer is: confidential, masked for roles that do not call them back.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.Taxpayer")]
public sealed record Taxpayer(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Phone,
    [property: Id(2)] string? TaxpayerId)
{
    public static readonly Taxpayer None = new(null, null, null);
}

/// <summary>A tax-related report recorded completely: who is reported, for what, when and how much.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.TaxReportDetails")]
public sealed record TaxReportDetails(
    [property: Id(0)] string Subject,
    [property: Id(1)] string? SubjectTaxpayerId,
    [property: Id(2)] string Conduct,
    [property: Id(3)] string? Period,
    [property: Id(4)] decimal? Amount,
    [property: Id(5)] bool Anonymous);

/// <summary>What handling a complaint found: whether it is valid, who was at fault (a valid one vetoes their month), what was done.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.ComplaintFinding")]
public sealed record ComplaintFinding(
    [property: Id(0)] bool Valid,
    [property: Id(1)] string? AtFault,
    [property: Id(2)] string Resolution);

/// <summary>The follow-up survey as the taxpayer answered it, and whether the call found a service fault.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.Survey")]
public sealed record Survey(
    [property: Id(0)] Satisfaction Satisfaction,
    [property: Id(1)] string? Reason,
    [property: Id(2)] bool ServiceFault,
    [property: Id(3)] string? FaultDescription,
    [property: Id(4)] string? AtFault,
    [property: Id(5)] string By,
    [property: Id(6)] DateTimeOffset At);

[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.Attachment")]
public sealed record Attachment(
    [property: Id(0)] int Number,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Bytes,
    [property: Id(4)] string AddedBy,
    [property: Id(5)] DateTimeOffset At);

/// <summary>
/// One line of an order's history: every transition, comment, reminder and escalation. A line the system words carries
/// its parts in <paramref name="Args"/> so pages can say it in their language; <paramref name="Text"/> is English or as typed.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.TimelineEntry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Text,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Args = null);
