using CallCenter.Calls;
using CallCenter.History;
using CallCenter.History.Reporting;
using CallCenter.Reporting;
using CallCenter.Seats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

/// <summary>
/// Every interval and agent figure against a day computed by hand (Asia/Shanghai): a call that overflowed from vat to
/// general, a short and a long abandon, a call entered at 23:50 and talked past midnight, a callback the next day,
/// and agent spans that include a missed offer and a span cut at midnight. On SQLite and on PostgreSQL.
/// </summary>
public sealed class HistoryReportsTests
{
    private static readonly TimeZoneInfo Shanghai = CallCenterClock.FindZone("Asia/Shanghai");
    private static readonly DateOnly Day = new(2026, 11, 27);
    private static readonly Dictionary<string, double> Targets = new() { ["vat"] = 20, ["general"] = 30 };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Queue_intervals_match_the_hand_computed_day(string store)
    {
        await using var services = await Store(store);
        var reports = services.GetRequiredService<IHistoryReports>();

        var hours = await reports.Queues(Query(Day, Day, 60));
        Assert.Equal(["general 09:00", "vat 09:00", "general 23:00"], hours.Select(h => $"{h.Queue} {Local(h.Start):HH:mm}"));
        var vat = hours[1];
        Assert.Equal((5, 2, 2, 1, 0, 1, 1), (vat.Offered, vat.Answered, vat.Abandoned, vat.AbandonedWithin5Seconds, vat.Callbacks, vat.Overflowed, vat.AnsweredInTarget));
        Assert.Equal((25.0, 40.0, 20.0, 105.0, 65.0), (vat.ServiceLevel, vat.AbandonRate, vat.AverageSpeedOfAnswer, vat.AverageHandleTime, vat.LongestWaitSeconds));
        var overflowTarget = hours[0];
        Assert.Equal((1, 1, 0, 0.0, 65.0, 60.0), (overflowTarget.Offered, overflowTarget.Answered, overflowTarget.Overflowed, overflowTarget.ServiceLevel, overflowTarget.AverageSpeedOfAnswer, overflowTarget.AverageHandleTime));
        var lateCall = hours[2];
        Assert.Equal((1, 1, 100.0, 600.0), (lateCall.Offered, lateCall.Answered, lateCall.ServiceLevel, lateCall.AverageHandleTime));
        Assert.Equal(Shanghai.GetUtcOffset(DateTime.Now), lateCall.Start.Offset);

        var quarters = await reports.Queues(Query(Day, Day, 15, "vat"));
        Assert.Equal(["09:00 2", "09:15 1", "09:30 1", "09:45 1"], quarters.Select(q => $"{Local(q.Start):HH:mm} {q.Offered}"));

        var halfHours = await reports.Queues(Query(Day, Day, 30, "general"));
        Assert.Equal(["09:00 1", "23:30 1"], halfHours.Select(q => $"{Local(q.Start):HH:mm} {q.Offered}"));

        var days = await reports.Queues(Query(Day, Day.AddDays(1), 1440));
        Assert.Equal(["27 general 2", "27 vat 5", "28 general 1"], days.Select(d => $"{Local(d.Start):dd} {d.Queue} {d.Offered}"));
        Assert.Equal((1, 0, 0), (days[2].Callbacks, days[2].Answered, days[2].Abandoned));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Agent_days_and_months_match_the_hand_computed_spans_and_calls(string store)
    {
        await using var services = await Store(store);
        var reports = services.GetRequiredService<IHistoryReports>();

        var days = await reports.Agents(new AgentReportQuery(Day, Day.AddDays(1), ByMonth: false));
        Assert.Equal(["a1 2026-11-27", "a2 2026-11-27", "a2 2026-11-28"], days.Select(d => $"{d.Agent} {d.Period}"));
        var a1 = days[0];
        Assert.Equal((4335.0, 500.0, 25.0, 120.0, 30.0, 3660.0), (a1.LoggedInSeconds, a1.ReadySeconds, a1.ReservedSeconds, a1.TalkSeconds, a1.WrapUpSeconds, a1.NotReadySeconds));
        Assert.Equal(new Dictionary<string, double> { ["break"] = 3600, ["missed"] = 60 }, a1.NotReadyByReason);
        Assert.Equal((1, 2, 20.0, 105.0, 22.2), (a1.MissedOffers, a1.Calls, a1.HoldSeconds, a1.AverageHandleTime, a1.Occupancy));
        Assert.Equal((595.0, 2, 330.0, 100.0), (days[1].TalkSeconds, days[1].Calls, days[1].AverageHandleTime, days[1].Occupancy));
        Assert.Equal((5.0, 0, (double?)null), (days[2].TalkSeconds, days[2].Calls, days[2].AverageHandleTime));

        var quality = services.GetRequiredService<CallCenter.Grading.IQualityRecords>();
        var points = new Dictionary<string, decimal?>();
        await quality.Scored("2026-11", new CallCenter.Grading.ScoredEvaluation("c2.g", "a2", 90, false, points, At(Day, 12, 0), CallId: "c2"));
        await quality.Scored("2026-11", new CallCenter.Grading.ScoredEvaluation("c6.g", "a2", 75, false, points, At(Day, 12, 5), CallId: "c6"));
        var months = await reports.Agents(new AgentReportQuery(Day, Day.AddDays(1), ByMonth: true, Agent: "a2"));
        var month = Assert.Single(months);
        Assert.Equal(("2026-11", 600.0, 2, 660.0, 82.5), (month.Period, month.TalkSeconds, month.Calls, month.HandleSeconds, month.QualityAverage));
        Assert.Null(days[1].QualityAverage); // day rows carry none
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Spans_and_calls_written_again_leave_one_row_each_with_the_last_values(string store)
    {
        await using var services = await Store(store);
        await services.GetRequiredService<IAgentActivity>().Write(Spans());
        await services.GetRequiredService<ICallRecords>().Write(Calls()[0] with { TalkSeconds = 100 });
        await using var db = HistorySetup.Open(services.GetRequiredService<HistoryLocation>());
        Assert.Equal(Spans().Count, await db.AgentActivity.CountAsync());
        Assert.Equal(Calls().Count, await db.CallRecords.CountAsync());

        var a1 = await services.GetRequiredService<IAgentActivity>().Of("S1", At(Day, 9, 0), At(Day, 9, 6));
        Assert.Equal([SeatState.Ready, SeatState.Reserved, SeatState.OnCall], a1.Select(s => s.State));
        var first = (await db.CallRecords.AsNoTracking().SingleAsync(c => c.CallId == Calls()[0].CallId)).ToDetail();
        var sent = Calls()[0];
        Assert.Equal((100.0, string.Join(',', sent.Queues), sent.SeatId, sent.OfferedAt?.UtcTicks), (first.TalkSeconds, string.Join(',', first.Queues), first.SeatId, first.OfferedAt?.UtcTicks));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_span_written_again_as_another_state_moves_its_seconds_and_counts_once(string store)
    {
        await using var services = await Store(store);
        var activity = services.GetRequiredService<IAgentActivity>();
        var reports = services.GetRequiredService<IHistoryReports>();
        var ready = Spans().First(s => s.State == SeatState.Ready);

        await activity.Write([ready]); // the same span again: nothing changes
        await activity.Write([ready with { State = SeatState.NotReady, Reason = "break" }]);
        await activity.Write([ready with { State = SeatState.NotReady, Reason = "break" }]);

        var a1 = (await reports.Agents(new AgentReportQuery(Day, Day, ByMonth: false))).Single(d => d.Agent == "a1");
        Assert.Equal((4335.0, 200.0, 3960.0), (a1.LoggedInSeconds, a1.ReadySeconds, a1.NotReadySeconds));
        Assert.Equal(new Dictionary<string, double> { ["break"] = 3900, ["missed"] = 60 }, a1.NotReadyByReason);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_of_many_seats_written_in_several_statements_totals_each_seat_once(string store)
    {
        await using var services = await Store(store);
        var activity = services.GetRequiredService<IAgentActivity>();
        var reports = services.GetRequiredService<IHistoryReports>();
        var ten = At(Day, 10, 0);
        var seats = Enumerable.Range(0, 5 * HistorySetup.SqliteBatch).Select(i => (Seat: $"M{i:000}", Agent: $"m{i:000}", Ready: 60.0 + i)).ToList();
        var spans = seats.SelectMany(s => new[]
        {
            Span(s.Seat, s.Agent, SeatState.Ready, null, Day, ten, ten.AddSeconds(s.Ready)),
            Span(s.Seat, s.Agent, SeatState.NotReady, "break", Day, ten.AddSeconds(s.Ready), ten.AddSeconds(s.Ready + 30)),
        }).ToList();

        await activity.Write(spans); // one gathering: more rows and day totals than one statement of the SQLite store holds
        await activity.Write(spans); // and all of it again: each total still counts each span once

        var days = (await reports.Agents(new AgentReportQuery(Day, Day, ByMonth: false))).Where(d => d.Agent.StartsWith('m')).ToList();
        Assert.Equal(seats.Select(s => $"{s.Agent} {s.Ready} 30"), days.Select(d => $"{d.Agent} {d.ReadySeconds} {d.NotReadySeconds}"));
        await using var db = HistorySetup.Open(services.GetRequiredService<HistoryLocation>());
        Assert.Equal(spans.Count, await db.AgentActivity.CountAsync(s => s.SeatId.StartsWith("M")));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_batch_of_many_calls_written_in_several_statements_and_again_leaves_one_row_each_with_the_last_values(string store)
    {
        await using var services = await Store(store);
        var records = services.GetRequiredService<ICallRecords>();
        var calls = Enumerable.Range(0, 60).Select(i => Answered($"m{i:000}", i % 2 == 0 ? "vat" : "general", At(Day, 11, 0).AddSeconds(i), wait: i, talk: 30, hold: 0, wrapUp: 5, $"a{i % 3}")).ToList();

        await Task.WhenAll(calls.Select(records.Write)); // one gathering: more calls than one statement holds
        await Task.WhenAll(calls.Select(c => records.Write(c with { TalkSeconds = 40 + c.WaitSeconds, HasRecording = false, SeatId = null })));

        await using var db = HistorySetup.Open(services.GetRequiredService<HistoryLocation>());
        var rows = await db.CallRecords.AsNoTracking().Where(c => c.CallId.StartsWith("m")).OrderBy(c => c.CallId).ToListAsync();
        Assert.Equal(calls.Select(c => c.CallId), rows.Select(r => r.CallId));
        Assert.All(rows.Zip(calls), p => Assert.Equal(
            (40 + p.Second.WaitSeconds, false, (string?)null, p.Second.Agent, p.Second.Queue, p.Second.EndedAt.UtcTicks, "2026-11-27"),
            (p.First.TalkSeconds, p.First.HasRecording, p.First.SeatId, p.First.Agent, p.First.Queue, p.First.EndedUtcTicks, p.First.Day)));
        Assert.Equal(Calls().Count, await db.CallRecords.CountAsync(c => !c.CallId.StartsWith("m")));
    }

    private static async Task<ServiceProvider> Store(string kind)
    {
        var location = kind == "postgres" ? HistoryLocation.Cluster(await TestPostgres.NewDatabase("reports_")) : HistoryLocation.Embedded(RunningHost.NewDataDir());
        await HistorySetup.Migrate(location, LegacyRows.None);
        var services = new ServiceCollection().AddLogging().AddCallCenterHistory(location).BuildServiceProvider();
        await Task.WhenAll(Calls().Select(services.GetRequiredService<ICallRecords>().Write));
        await services.GetRequiredService<IAgentActivity>().Write(Spans());
        return services;
    }

    private static QueueReportQuery Query(DateOnly from, DateOnly to, int minutes, string? queue = null) =>
        new(At(from, 0, 0), At(to.AddDays(1), 0, 0), minutes, Shanghai, Targets, Queue: queue);

    private static List<CallDetail> Calls() =>
    [
        Answered("c1", "vat", At(Day, 9, 5), wait: 10, talk: 100, hold: 20, wrapUp: 30, "a1"),
        Answered("c2", "vat", At(Day, 9, 20), wait: 30, talk: 50, hold: 0, wrapUp: 10, "a2"),
        Unanswered("c3", "vat", At(Day, 9, 40), wait: 3, CallOutcome.Abandoned),
        Unanswered("c4", "vat", At(Day, 9, 50), wait: 40, CallOutcome.Abandoned),
        Answered("c5", "general", At(Day, 9, 10), wait: 65, talk: 60, hold: 0, wrapUp: 0, "a1", from: "vat"),
        Answered("c6", "general", At(Day, 23, 50), wait: 5, talk: 600, hold: 0, wrapUp: 0, "a2"),
        Unanswered("c7", "general", At(Day.AddDays(1), 0, 10), wait: 15, CallOutcome.Callback),
    ];

    private static List<SeatSpan> Spans()
    {
        var nine = At(Day, 9, 0);
        var midnight = At(Day.AddDays(1), 0, 0);
        return
        [
            Span("S1", "a1", SeatState.NotReady, "break", Day, At(Day, 8, 0), nine),
            Span("S1", "a1", SeatState.Ready, null, Day, nine, nine.AddSeconds(300)),
            Span("S1", "a1", SeatState.Reserved, null, Day, nine.AddSeconds(300), nine.AddSeconds(310)),
            Span("S1", "a1", SeatState.OnCall, null, Day, nine.AddSeconds(310), nine.AddSeconds(430)),
            Span("S1", "a1", SeatState.WrapUp, null, Day, nine.AddSeconds(430), nine.AddSeconds(460)),
            Span("S1", "a1", SeatState.Ready, null, Day, nine.AddSeconds(460), nine.AddSeconds(660)),
            Span("S1", "a1", SeatState.Reserved, null, Day, nine.AddSeconds(660), nine.AddSeconds(675)) with { Missed = true },
            Span("S1", "a1", SeatState.NotReady, "missed", Day, nine.AddSeconds(675), nine.AddSeconds(735)),
            Span("S2", "a2", SeatState.OnCall, null, Day, midnight.AddSeconds(-595), midnight),
            Span("S2", "a2", SeatState.OnCall, null, Day.AddDays(1), midnight, midnight.AddSeconds(5)),
        ];
    }

    private static SeatSpan Span(string seat, string agent, SeatState state, string? reason, DateOnly day, DateTimeOffset from, DateTimeOffset to) =>
        new(seat, agent, state, reason, day, from, to);

    private static CallDetail Answered(string id, string queue, DateTimeOffset entered, double wait, double talk, double hold, double wrapUp, string agent, string? from = null)
    {
        var answered = entered.AddSeconds(wait);
        return new CallDetail(id, "13800000000", queue, from is null ? [queue] : [from, queue], "S-" + agent, agent, entered, answered.AddSeconds(-2), answered,
            answered.AddSeconds(talk + hold + wrapUp), wait, talk, hold, wrapUp, CallOutcome.Answered, 0, true, DateOnly.FromDateTime(Local(entered).DateTime));
    }

    private static CallDetail Unanswered(string id, string queue, DateTimeOffset entered, double wait, CallOutcome outcome) =>
        new(id, "13900000000", queue, [queue], null, null, entered, null, null, entered.AddSeconds(wait), wait, 0, 0, 0, outcome, 0, false,
            DateOnly.FromDateTime(Local(entered).DateTime));

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8));

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Shanghai);
}
