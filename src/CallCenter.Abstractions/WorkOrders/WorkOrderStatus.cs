namespace CallCenter.WorkOrders;

/// <summary>
/// Where an order stands. Each status runs one clock: AwaitingAssignment → Assign, InHand → Handle (a follow-up's
/// FollowUp, a correction's Reply), AwaitingReply → Reply. Closed runs none.
/// </summary>
public enum WorkOrderStatus
{
    /// <summary>At the duty officer, liaison or backup of the department, who assigns a handler (or answers).</summary>
    AwaitingAssignment,

    /// <summary>With the person who handles it: a handler, the complaint's owner, the seat making a follow-up or callback.</summary>
    InHand,

    /// <summary>Answered; the owner (the seat) replies to the taxpayer.</summary>
    AwaitingReply,

    Closed,
}

/// <summary>Who the assignee is to the order: escalation goes one level up from it.</summary>
public enum AssigneeLevel
{
    Seat,
    Handler,
    DutyOfficer,
    Liaison,
    Backup,
    Head,
    Supervisors,

    /// <summary>The follow-up pool: any service-supervision officer (服务监督人员) may make the call.</summary>
    FollowUpPool,

    /// <summary>A service-supervision officer following a complaint through (verifying its corrective actions).</summary>
    ServiceSupervision,
}

/// <summary>How serious a service complaint is (投诉分级).</summary>
public enum ComplaintSeverity
{
    General,
    Serious,
    Grave,
}

/// <summary>The five answers of the follow-up survey.</summary>
public enum Satisfaction
{
    VerySatisfied,
    Satisfied,
    Neutral,
    Dissatisfied,
    VeryDissatisfied,
}
