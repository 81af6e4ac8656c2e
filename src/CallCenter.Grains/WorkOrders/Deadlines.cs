namespace CallCenter.WorkOrders;

/// <summary>When each stage of each kind of work order is due, on the official working-day calendar. Pure.</summary>
public static class Deadlines
{
    /// <summary>Working days for a stage: 0 means by closing time the same working day (当日).</summary>
    public static int WorkingDays(WorkOrderKind kind, DeadlineStage stage, WorkOrderLimits limits, ComplaintSeverity? severity = null) => (kind, stage) switch
    {
        (WorkOrderKind.ServiceComplaint, DeadlineStage.Handle) when severity == ComplaintSeverity.Serious => limits.SeriousComplaintDays,
        (WorkOrderKind.ServiceComplaint, DeadlineStage.Handle) when severity == ComplaintSeverity.Grave => limits.GraveComplaintDays,
        (_, DeadlineStage.Assign) => 0,
        (_, DeadlineStage.Reply) => 0,
        (WorkOrderKind.HardQuestion, DeadlineStage.Handle) => limits.HardQuestionAnswerDays,
        (WorkOrderKind.TaxReport, DeadlineStage.Handle) => limits.TaxReportDays,
        (WorkOrderKind.ServiceComplaint, DeadlineStage.Handle) => limits.ComplaintDays,
        (WorkOrderKind.Correction, DeadlineStage.Handle) => 0,
        (WorkOrderKind.ServiceComplaint, DeadlineStage.Verify) => 0,
        (WorkOrderKind.OnSite, DeadlineStage.Handle) => limits.OnSiteFixDays,
        (WorkOrderKind.OnSite, DeadlineStage.VisitRecord) => limits.OnSiteRecordDays,
        (WorkOrderKind.FollowUp, DeadlineStage.Review) => limits.SurveyReviewDays,
        (WorkOrderKind.FollowUp, _) or (_, DeadlineStage.FollowUp) => limits.FollowUpDays,
        _ => throw new DomainValidationException("stage", $"A {kind} order has no {stage} deadline."),
    };

    public static WorkingDeadline Due(WorkingDayCalendar days, CallCenterClock clock, TimeOnly closes, WorkOrderLimits limits,
        WorkOrderKind kind, DeadlineStage stage, DateTimeOffset from, ComplaintSeverity? severity = null) =>
        days.EndOfWorkingDay(clock, closes, from, WorkingDays(kind, stage, limits, severity));
}
