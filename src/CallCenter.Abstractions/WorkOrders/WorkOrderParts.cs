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

/// <summary>
/// What handling a complaint found: whether it is valid, who was at fault (a valid one vetoes their month), what was
/// done, whether the taxpayer received an apology, the cause (from the managed list) and the corrective actions, each
/// with an owner and a due date, whose completion is then verified one by one.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.ComplaintFinding")]
public sealed record ComplaintFinding(
    [property: Id(0)] bool Valid,
    [property: Id(1)] string? AtFault,
    [property: Id(2)] string Resolution,
    [property: Id(3)] bool Apology = false,
    [property: Id(4)] string? Cause = null,
    [property: Id(5)] IReadOnlyList<CorrectiveAction>? Actions = null);

/// <summary>One corrective action of a valid complaint (整改措施): what, who does it, by when.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.CorrectiveAction")]
public sealed record CorrectiveAction(
    [property: Id(0)] string Description,
    [property: Id(1)] string Owner,
    [property: Id(2)] DateOnly Due);

/// <summary>The check that corrective action <paramref name="Number"/> (1-based) was done (整改落实核查).</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.ActionCheck")]
public sealed record ActionCheck(
    [property: Id(0)] int Number,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Note);

/// <summary>A complaint or dissatisfaction cause of the managed list (投诉原因分类), named in both languages.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.ComplaintCause")]
public sealed record ComplaintCause(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string NameEn)
{
    public static readonly IReadOnlyList<ComplaintCause> Defaults =
    [
        new("attitude", "服务态度", "Attitude"),
        new("knowledge", "业务不熟、答复有误", "Knowledge or wrong answer"),
        new("buck-passing", "推诿、敷衍", "Buck-passing"),
        new("delay", "办理超时、未按承诺回复", "Delay or broken promise"),
        new("access", "接通难、等待久", "Hard to get through"),
        new("system", "系统或设备故障", "System or equipment"),
        new("policy", "对政策本身不满", "The policy itself"),
        new("other", "其他", "Other"),
    ];
}

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
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] string? Cause = null,
    [property: Id(8)] bool Unsolved = false);

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
