namespace CallCenter.WorkOrders;

/// <summary>The six kinds of 12366 work: each has its own rules and clocks.</summary>
public enum WorkOrderKind
{
    /// <summary>疑难问题转办: to the duty officer, else the liaison; a handler answers; the seat replies to the taxpayer.</summary>
    HardQuestion,

    /// <summary>涉税举报: recorded completely, sent the same day, handled within the configured limit.</summary>
    TaxReport,

    /// <summary>服务投诉: never transferred, handled within 2 working days, owned by whoever received it.</summary>
    ServiceComplaint,

    /// <summary>廉政举报: only that a referral to the discipline-inspection hotline happened.</summary>
    IntegrityReferral,

    /// <summary>回访: within 3 working days after an on-site service or a closed order.</summary>
    FollowUp,

    /// <summary>A grading correction: call the taxpayer back with the right answer, the same working day.</summary>
    Correction,

    /// <summary>
    /// 上门服务: dispatched only from an order whose phone guidance (at least 30 minutes recorded) did not solve the
    /// problem; fixed within 1 working day of dispatch, the visit record entered within 3 working days, then a follow-up.
    /// </summary>
    OnSite,
}

/// <summary>The clocks a work order runs against.</summary>
public enum DeadlineStage
{
    /// <summary>The liaison assigns a handler: the same working day as the order arrives.</summary>
    Assign,

    /// <summary>The handler answers (hard questions) or handles the order (reports, complaints).</summary>
    Handle,

    /// <summary>The seat replies to the taxpayer: the same working day the answer arrives.</summary>
    Reply,

    /// <summary>The follow-up call is made.</summary>
    FollowUp,

    /// <summary>A supervisor reviews a dissatisfied survey that found no service fault.</summary>
    Review,

    /// <summary>An on-site service's visit record is entered after the fault is fixed.</summary>
    VisitRecord,

    /// <summary>A valid complaint's corrective actions are verified, by the last action's due date.</summary>
    Verify,
}

/// <summary>CallCenter:WorkOrders — limits in working days (0: by closing time the same working day), reminders, the hotline.</summary>
public sealed class WorkOrderLimits
{
    public int HardQuestionAnswerDays { get; set; } = 3;

    public int TaxReportDays { get; set; } = 15;

    /// <summary>A general complaint (一般投诉) is handled within this many working days.</summary>
    public int ComplaintDays { get; set; } = 2;

    /// <summary>A serious complaint (较重投诉): a shorter clock, judged by a supervisor.</summary>
    public int SeriousComplaintDays { get; set; } = 1;

    /// <summary>A grave complaint (重大投诉): the same working day, judged by a supervisor.</summary>
    public int GraveComplaintDays { get; set; } = 0;

    /// <summary>From this severity up a complaint is decided by a supervisor; below it service supervision decides (分级负责).</summary>
    public ComplaintSeverity SupervisorDecidesFrom { get; set; } = ComplaintSeverity.Serious;

    public int FollowUpDays { get; set; } = 3;

    /// <summary>Phone guidance an order needs before on-site service may be dispatched (上门服务前电话辅导), in minutes.</summary>
    public int OnSiteGuidanceMinutes { get; set; } = 30;

    /// <summary>An on-site service fixes the fault within this many working days of dispatch.</summary>
    public int OnSiteFixDays { get; set; } = 1;

    /// <summary>The visit record is entered within this many working days of the fix.</summary>
    public int OnSiteRecordDays { get; set; } = 3;

    /// <summary>A supervisor reviews a "dissatisfied, no service fault" survey within this many working days.</summary>
    public int SurveyReviewDays { get; set; } = 1;

    /// <summary>How long before a stage's deadline the assignee, the owner and supervisors are told it is due soon.</summary>
    public int DueSoonMinutes { get; set; } = 120;

    /// <summary>The discipline-inspection hotline a seat gives the caller of an integrity report (纪检监察举报电话).</summary>
    public string DisciplineHotline { get; set; } = "12388";
}
