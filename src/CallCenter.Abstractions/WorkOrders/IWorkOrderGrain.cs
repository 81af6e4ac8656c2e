namespace CallCenter.WorkOrders;

/// <summary>
/// One work order (key: its id). Every method names the person acting, who must be allowed by the order's rules
/// (<see cref="NotPermittedException"/> otherwise); a step the kind or status does not allow is an
/// <see cref="IllegalTransitionException"/> or <see cref="RuleViolationException"/> with the reason.
/// </summary>
[Alias("CallCenter.WorkOrders.IWorkOrderGrain")]
public interface IWorkOrderGrain : IGrainWithStringKey
{
    /// <summary>Opens the order once; <paramref name="by"/> becomes its owner. Calling again returns the order as it is.</summary>
    [Alias("Open")] Task<WorkOrderView> Open(WorkOrderOpening opening, Actor by);

    /// <summary>The assignee (or a department manager) hands it to a handler of the department.</summary>
    [Alias("Assign")] Task<WorkOrderView> Assign(string handler, Actor by);

    /// <summary>Sends it to another department, routed afresh. Service complaints are never transferred.</summary>
    [Alias("Transfer")] Task<WorkOrderView> Transfer(string department, string reason, Actor by);

    /// <summary>The answer (hard question) or outcome (tax report) goes back to the owner, who replies to the taxpayer.</summary>
    [Alias("Answer")] Task<WorkOrderView> Answer(string answer, IReadOnlyList<string> policyReferences, Actor by);

    /// <summary>
    /// Service supervision (or a supervisor for a serious or grave complaint) records what handling it found. A valid
    /// complaint with corrective actions stays open until each action is verified; otherwise the order closes.
    /// </summary>
    [Alias("Resolve")] Task<WorkOrderView> Resolve(ComplaintFinding finding, Actor by);

    /// <summary>Corrective action <paramref name="number"/> was checked and found done; the last one closes the complaint.</summary>
    [Alias("ActionVerified")] Task<WorkOrderView> ActionVerified(int number, string note, Actor by);

    /// <summary>The seat has replied to (called back) the taxpayer; the order closes.</summary>
    [Alias("Replied")] Task<WorkOrderView> Replied(string note, Actor by);

    /// <summary>
    /// The follow-up call's survey, by the person it is assigned to or anyone of the follow-up pool, never by someone
    /// whose service it surveys. A service fault opens a complaint even when the taxpayer is satisfied; a dissatisfied
    /// taxpayer with no fault found goes to the supervisors for review.
    /// </summary>
    [Alias("Surveyed")] Task<WorkOrderView> Surveyed(Survey survey, Actor by);

    /// <summary>A supervisor reviews a "dissatisfied, no service fault" survey: agreeing closes it, finding a fault opens the complaint.</summary>
    [Alias("Reviewed")] Task<WorkOrderView> Reviewed(bool serviceFault, string note, string? atFault, Actor by);

    [Alias("Comment")] Task<WorkOrderView> Comment(string text, Actor by);

    /// <summary>Phone guidance given on the order (minutes, what was tried): counted towards dispatching on-site service.</summary>
    [Alias("Guided")] Task<WorkOrderView> Guided(int minutes, string note, Actor by);

    /// <summary>The on-site engineer fixed the fault; the visit record is due next.</summary>
    [Alias("Fixed")] Task<WorkOrderView> Fixed(string note, Actor by);

    /// <summary>The on-site visit's record; the order closes and its follow-up goes to the pool.</summary>
    [Alias("VisitRecorded")] Task<WorkOrderView> VisitRecorded(string record, Actor by);

    [Alias("Attach")] Task<WorkOrderView> Attach(string fileName, string contentType, long bytes, Actor by);

    /// <summary>The order as it is, after applying any clock milestone passed (due soon, overdue, escalation).</summary>
    [Alias("Get")] Task<WorkOrderView> Get();

    /// <summary>
    /// Counts the running stage's deadline again on the calendar as it is now (a year's arrangement was loaded) and
    /// notes the change in the timeline; nothing happens to a closed order or a deadline that was not provisional.
    /// </summary>
    [Alias("RecountDeadline")] Task RecountDeadline();

    /// <summary>
    /// A duty officer's handover: an order that <paramref name="from"/> holds passes to the officer who checked in next,
    /// who becomes its assignee (the owner stays; first-question ownership is kept). False when it was not theirs to
    /// pass (closed, or held by someone else); passing again to the same person changes nothing.
    /// </summary>
    [Alias("HandOver")] Task<bool> HandOver(string from, string to, string shift);
}

/// <summary>
/// Who is acting on an order; supervisors (and administrators) may take any step a manager may.
/// <paramref name="SupervisesService"/>: a service-supervision officer (服务监督人员) or a supervisor, who judges
/// complaints and makes follow-up calls.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.Actor")]
public sealed record Actor([property: Id(0)] string Name, [property: Id(1)] bool Supervises, [property: Id(2)] bool SupervisesService = false)
{
    public bool JudgesService => Supervises || SupervisesService;

    public override string ToString() => Name;
}

/// <summary>A department that takes work orders: its liaison (联络员), the backup, its head, and its handlers.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkDepartment")]
public sealed record WorkDepartment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Liaison,
    [property: Id(3)] string? Backup,
    [property: Id(4)] string? Head,
    [property: Id(5)] IReadOnlyList<string> Handlers)
{
    public bool HasMember(string person) => Manages(person) || Handlers.Contains(person);

    /// <summary>The liaison, the backup and the head assign handlers and transfer the department's orders.</summary>
    public bool Manages(string person) => person == Liaison || person == Backup || person == Head;
}

/// <summary>The departments administrators configure (key 0).</summary>
[Alias("CallCenter.WorkOrders.IWorkDirectoryGrain")]
public interface IWorkDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Put")] Task<IReadOnlyList<WorkDepartment>> Put(WorkDepartment department, string by);

    [Alias("List")] Task<IReadOnlyList<WorkDepartment>> List();

    /// <summary>The managed list of complaint and dissatisfaction causes (defaults until an administrator saves one).</summary>
    [Alias("Causes")] Task<IReadOnlyList<ComplaintCause>> Causes();

    [Alias("PutCauses")] Task<IReadOnlyList<ComplaintCause>> PutCauses(IReadOnlyList<ComplaintCause> causes, string by);
}

/// <summary>
/// Order summaries in the query store, each with its latest state: the open ones (the inboxes) and those opened in a
/// month (the reports).
/// </summary>
public interface IWorkOrderSummaries
{
    /// <summary>
    /// Stores the order's latest summary under the month it was opened in (yyyy-MM, the centre's calendar) and the call
    /// it came from, if any.
    /// </summary>
    Task Put(WorkOrderSummary summary, string month, string? callId);

    /// <summary>Every order not yet closed, oldest first.</summary>
    Task<IReadOnlyList<WorkOrderSummary>> Open();

    /// <summary>Every order opened in the month, oldest first.</summary>
    Task<IReadOnlyList<WorkOrderSummary>> Month(string month);
}

/// <summary>
/// A message to one person (or to "@supervisors") about an order: arrived, due soon, overdue, escalated, answered.
/// <see cref="Text"/> is English; pages render <see cref="Kind"/> with <see cref="Args"/> in the reader's language.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkNotice")]
public sealed record WorkNotice(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string OrderId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyDictionary<string, string>? Args = null);

/// <summary>One person's work-order notices (key: user name, or "@supervisors"), the latest 100.</summary>
[Alias("CallCenter.WorkOrders.IWorkNoticesGrain")]
public interface IWorkNoticesGrain : IGrainWithStringKey
{
    public const string Supervisors = "@supervisors";

    /// <summary>The follow-up pool: follow-ups wait here for a service-supervision officer (服务监督人员) to call.</summary>
    public const string FollowUpPool = "@follow-ups";

    [Alias("Notify")] Task Notify(WorkNotice notice);

    [Alias("List")] Task<IReadOnlyList<WorkNotice>> List();
}

/// <summary>What changed, for whom: the relay on each host pushes it to those people's connections and to supervisors.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.WorkOrders.WorkOrderChange")]
public sealed record WorkOrderChange(
    [property: Id(0)] WorkOrderSummary Order,
    [property: Id(1)] IReadOnlyList<string> People,
    [property: Id(2)] WorkNotice? Notice);

[Alias("CallCenter.WorkOrders.IWorkOrderObserver")]
public interface IWorkOrderObserver : IGrainObserver
{
    [OneWay, Alias("OnChange")] Task OnChange(WorkOrderChange change);
}

/// <summary>The live feed (key 0): one observer per host.</summary>
[Alias("CallCenter.WorkOrders.IWorkOrderFeedGrain")]
public interface IWorkOrderFeedGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Publish")] Task Publish(WorkOrderChange change);

    [Alias("Subscribe")] Task Subscribe(IWorkOrderObserver observer);

    [Alias("Unsubscribe")] Task Unsubscribe(IWorkOrderObserver observer);
}
