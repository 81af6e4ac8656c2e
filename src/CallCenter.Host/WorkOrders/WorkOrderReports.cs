using System.Globalization;
using System.Text;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// Work-order reports over the orders opened in a month: on-time rate, overdue orders, complaints and vetoes, and the
/// monthly satisfaction report (follow-up surveys) as JSON and CSV; the report page prints it.
/// </summary>
public static class WorkOrderReports
{
    public sealed record OnTimeRow(string Group, int Opened, int Closed, int OnTime, decimal? OnTimePercent, int OpenOverdue);

    /// <summary><paramref name="ByMonth"/>: the six months ending with <paramref name="Month"/>, oldest first.</summary>
    public sealed record OnTime(string Month, OnTimeRow Total, IReadOnlyList<OnTimeRow> ByKind, IReadOnlyList<OnTimeRow> ByDepartment, IReadOnlyList<OnTimeRow> ByMonth);

    public sealed record ComplaintReport(string Month, int Complaints, IReadOnlyDictionary<ComplaintSeverity, int> BySeverity, int Open, int Valid, int NotValid,
        IReadOnlyList<VetoRow> Vetoes, IReadOnlyList<CauseRow> ByCause);

    /// <summary>One cause of the month (投诉原因分析): complaints judged with it, how many valid, and dissatisfied surveys given it.</summary>
    public sealed record CauseRow(string Cause, int Complaints, int Valid, int Dissatisfied);

    public const string Unclassified = "unclassified";

    public sealed record VetoRow(string Person, string OrderId, ComplaintSeverity? Severity, DateTimeOffset? At);

    public sealed record SatisfactionRow(string Group, int Surveys, IReadOnlyDictionary<Satisfaction, int> Counts, decimal? SatisfiedPercent);

    public sealed record SatisfactionReport(string Month, SatisfactionRow Total, IReadOnlyList<SatisfactionRow> ByDepartment, int PendingFollowUps,
        int FaultsFound, decimal? PreviousSatisfiedPercent, IReadOnlyList<string> DissatisfiedReasons);

    public static RouteGroupBuilder MapWorkOrderReports(this RouteGroupBuilder group)
    {
        group.RequireAuthorization(Policies.Reporting);
        group.MapGet("/on-time", OnTimeReport);
        group.MapGet("/overdue", async (IWorkOrderSummaries summaries, CallCenterClock clock) => TypedResults.Ok(
            (await WorkOrdersApi.Orders(summaries, clock, null)).Select(o => WorkOrdersApi.Current(o, clock)).Where(o => o.Overdue).OrderBy(o => o.Due).ToArray()));
        group.MapGet("/complaints", async (string? month, IWorkOrderSummaries summaries, CallCenterClock clock) => TypedResults.Ok(Complaints(await Month(month, summaries, clock))));
        group.MapGet("/satisfaction", async (string? month, IWorkOrderSummaries summaries, CallCenterClock clock) =>
            TypedResults.Ok(await Satisfaction(month, summaries, clock)));
        group.MapGet("/satisfaction.csv", SatisfactionCsv);
        return group;
    }

    /// <summary>The month asked for (this month when none is), its first day, and the orders opened in it.</summary>
    private static async Task<(string Month, DateOnly First, IReadOnlyList<WorkOrderSummary> Orders)> Month(string? month, IWorkOrderSummaries summaries, CallCenterClock clock)
    {
        var key = clock.Month(month);
        return (key, DateOnly.ParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), await Opened(summaries, key));
    }

    private static Task<IReadOnlyList<WorkOrderSummary>> Opened(IWorkOrderSummaries summaries, string month) => summaries.Month(month);

    private static async Task<Ok<OnTime>> OnTimeReport(string? month, IWorkOrderSummaries summaries, CallCenterClock clock)
    {
        var (name, first, orders) = await Month(month, summaries, clock);
        var counted = Counted(orders, clock);
        var earlier = await Task.WhenAll(Enumerable.Range(1, 5).Reverse().Select(async back =>
        {
            var key = CallCenterClock.MonthKey(first.AddMonths(-back));
            return Row(key, Counted(await Opened(summaries, key), clock));
        }));
        return TypedResults.Ok(new OnTime(name, Row("total", counted),
            [.. counted.GroupBy(o => o.Kind.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g))],
            [.. counted.GroupBy(o => o.Department ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g))],
            [.. earlier, Row(name, counted)]));
    }

    /// <summary>Integrity referrals have no clock and are not counted.</summary>
    private static WorkOrderSummary[] Counted(IEnumerable<WorkOrderSummary> orders, CallCenterClock clock) =>
        [.. orders.Where(o => o.Kind != WorkOrderKind.IntegrityReferral).Select(o => WorkOrdersApi.Current(o, clock))];

    private static OnTimeRow Row(string group, IEnumerable<WorkOrderSummary> orders)
    {
        var all = orders.ToArray();
        var closed = all.Where(o => o.Status == WorkOrderStatus.Closed).ToArray();
        var onTime = closed.Count(o => o.LateStages == 0);
        return new OnTimeRow(group, all.Length, closed.Length, onTime, Figures.Percent(onTime, closed.Length), all.Count(o => o.Overdue));
    }

    private static ComplaintReport Complaints((string Month, DateOnly First, IReadOnlyList<WorkOrderSummary> Orders) m)
    {
        var complaints = m.Orders.Where(o => o.Kind == WorkOrderKind.ServiceComplaint).ToArray();
        return new ComplaintReport(m.Month, complaints.Length,
            Enum.GetValues<ComplaintSeverity>().ToDictionary(s => s, s => complaints.Count(c => c.Severity == s)),
            complaints.Count(c => c.Status != WorkOrderStatus.Closed), complaints.Count(c => c.ComplaintValid == true), complaints.Count(c => c.ComplaintValid == false),
            [.. complaints.Where(c => c.Vetoed is not null).Select(c => new VetoRow(c.Vetoed!, c.OrderId, c.Severity, c.ClosedAt))],
            ByCause(complaints, m.Orders));
    }

    private static CauseRow[] ByCause(WorkOrderSummary[] complaints, IReadOnlyList<WorkOrderSummary> orders)
    {
        var judged = complaints.Where(c => c.ComplaintValid is not null).ToArray();
        var dissatisfied = Surveyed(orders).Where(o => o.Satisfaction is CallCenter.WorkOrders.Satisfaction.Dissatisfied or CallCenter.WorkOrders.Satisfaction.VeryDissatisfied).ToArray();
        return [.. judged.Select(c => c.Cause ?? Unclassified).Concat(dissatisfied.Select(o => o.SurveyCause ?? Unclassified)).Distinct()
            .Select(cause => new CauseRow(cause,
                judged.Count(c => (c.Cause ?? Unclassified) == cause), judged.Count(c => (c.Cause ?? Unclassified) == cause && c.ComplaintValid == true),
                dissatisfied.Count(o => (o.SurveyCause ?? Unclassified) == cause)))
            .OrderByDescending(r => r.Complaints + r.Dissatisfied).ThenBy(r => r.Cause, StringComparer.Ordinal)];
    }

    public static async Task<SatisfactionReport> Satisfaction(string? month, IWorkOrderSummaries summaries, CallCenterClock clock)
    {
        var (name, first, orders) = await Month(month, summaries, clock);
        var previous = Surveyed(await Opened(summaries, CallCenterClock.MonthKey(first.AddMonths(-1))));
        var surveyed = Surveyed(orders);
        var followUps = orders.Where(o => o.Kind == WorkOrderKind.FollowUp).Select(o => o.OrderId).ToHashSet();
        return new SatisfactionReport(name, Satisfied("total", surveyed),
            [.. surveyed.GroupBy(o => o.Department ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Satisfied(g.Key, g))],
            orders.Count(o => o.Kind == WorkOrderKind.FollowUp && o.Status != WorkOrderStatus.Closed),
            orders.Count(o => o.Kind == WorkOrderKind.ServiceComplaint && o.SourceOrder is { } s && followUps.Contains(s)),
            Satisfied("previous", previous).SatisfiedPercent,
            [.. surveyed.Where(o => o.Satisfaction is CallCenter.WorkOrders.Satisfaction.Dissatisfied or CallCenter.WorkOrders.Satisfaction.VeryDissatisfied && o.SurveyReason is not null)
                .Select(o => o.SurveyReason!)]);
    }

    private static WorkOrderSummary[] Surveyed(IEnumerable<WorkOrderSummary> orders) =>
        [.. orders.Where(o => o.Kind == WorkOrderKind.FollowUp && o.Satisfaction is not null)];

    private static SatisfactionRow Satisfied(string group, IEnumerable<WorkOrderSummary> surveyed)
    {
        var all = surveyed.ToArray();
        var counts = Enum.GetValues<Satisfaction>().ToDictionary(s => s, s => all.Count(o => o.Satisfaction == s));
        return new SatisfactionRow(group, all.Length, counts,
            Figures.Percent(counts[CallCenter.WorkOrders.Satisfaction.VerySatisfied] + counts[CallCenter.WorkOrders.Satisfaction.Satisfied], all.Length));
    }

    private static async Task<IResult> SatisfactionCsv(string? month, IWorkOrderSummaries summaries, CallCenterClock clock)
    {
        var report = await Satisfaction(month, summaries, clock);
        var csv = new StringBuilder("department,surveys,very_satisfied,satisfied,neutral,dissatisfied,very_dissatisfied,satisfied_percent\r\n");
        foreach (var row in report.ByDepartment.Append(report.Total))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Csv.Field(row.Group)},{row.Surveys},{string.Join(',', Enum.GetValues<Satisfaction>().Select(s => row.Counts[s]))},{row.SatisfiedPercent}\r\n");
        }

        return Csv.File(csv, $"satisfaction-{report.Month}.csv");
    }
}
