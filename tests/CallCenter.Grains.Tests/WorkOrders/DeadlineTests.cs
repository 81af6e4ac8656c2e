using CallCenter.WorkOrders;

namespace CallCenter.Grains.Tests.WorkOrders;

/// <summary>Work-order clocks on real dates of the official 2026 calendar (State Council arrangement shipped with the product).</summary>
public sealed class DeadlineTests
{
    private static readonly WorkingDayCalendar Days = new(ShippedCalendars.China());
    private static readonly CallCenterClock Clock = new(new FakeTimeProvider(), CallCenterClock.FindZone("Asia/Shanghai"));
    private static readonly TimeOnly Closes = new(17, 30);

    [Theory]
    // Transferred on Wednesday 30 September, the last working day before the National Day week (1–7 October off):
    // the liaison assigns by closing time that day; the handler has 3 working days: 8, 9 and the make-up Saturday 10 October.
    [InlineData(WorkOrderKind.HardQuestion, DeadlineStage.Assign, "2026-09-30T16:00:00+08:00", "2026-09-30T17:30:00+08:00")]
    [InlineData(WorkOrderKind.HardQuestion, DeadlineStage.Handle, "2026-09-30T16:00:00+08:00", "2026-10-10T17:30:00+08:00")]
    // The same transfer after closing time counts from the next working day, 8 October.
    [InlineData(WorkOrderKind.HardQuestion, DeadlineStage.Assign, "2026-09-30T18:05:00+08:00", "2026-10-08T17:30:00+08:00")]
    // A complaint on Friday 8 May: 2 working days are the make-up Saturday 9 May and Monday 11 May.
    [InlineData(WorkOrderKind.ServiceComplaint, DeadlineStage.Handle, "2026-05-08T10:00:00+08:00", "2026-05-11T17:30:00+08:00")]
    // A complaint on Saturday 16 May (an ordinary weekend) counts from Monday 18 May: two working days later is the 20th.
    [InlineData(WorkOrderKind.ServiceComplaint, DeadlineStage.Handle, "2026-05-16T10:00:00+08:00", "2026-05-20T17:30:00+08:00")]
    // A follow-up for an order closed on Tuesday 29 September: 30 September, 8 and 9 October.
    [InlineData(WorkOrderKind.FollowUp, DeadlineStage.FollowUp, "2026-09-29T15:00:00+08:00", "2026-10-09T17:30:00+08:00")]
    // A correction callback found during the Spring Festival holiday (15–23 February) is due when work resumes, the 24th.
    [InlineData(WorkOrderKind.Correction, DeadlineStage.Handle, "2026-02-17T11:00:00+08:00", "2026-02-24T17:30:00+08:00")]
    public void Deadlines_count_working_days_on_the_official_calendar(WorkOrderKind kind, DeadlineStage stage, string from, string due)
    {
        var deadline = Deadlines.Due(Days, Clock, Closes, new WorkOrderLimits(), kind, stage, DateTimeOffset.Parse(from));
        Assert.Equal(DateTimeOffset.Parse(due), deadline.At);
        Assert.Empty(deadline.Warnings);
    }

    [Fact]
    public void A_stage_a_kind_does_not_have_is_refused()
    {
        Assert.Throws<DomainValidationException>(() => Deadlines.WorkingDays(WorkOrderKind.IntegrityReferral, DeadlineStage.Handle, new WorkOrderLimits()));
        Assert.Equal(15, Deadlines.WorkingDays(WorkOrderKind.TaxReport, DeadlineStage.Handle, new WorkOrderLimits()));
    }
}
