using CallCenter.Calls;
using CallCenter.Grading;
using CallCenter.History;
using CallCenter.History.Reporting;
using CallCenter.WorkOrders;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Host.Tests;

/// <summary>
/// A call's record gathers what came after it: the recording's analytics, the survey's score, its evaluations'
/// average and the work orders opened from it; searching by evaluation score finds it. On SQLite and PostgreSQL.
/// </summary>
public sealed class CallExtrasTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_records_page_carries_analytics_survey_evaluation_and_work_orders_and_filters_by_score(string kind)
    {
        var location = kind == "postgres" ? HistoryLocation.Cluster(await TestPostgres.NewDatabase("extras_")) : HistoryLocation.Embedded(RunningHost.NewDataDir());
        await HistorySetup.Migrate(location, LegacyRows.None);
        await using var store = new ServiceCollection().AddLogging().AddCallCenterHistory(location).BuildServiceProvider();
        var ended = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8));
        var day = new DateOnly(2026, 11, 27);
        var records = store.GetRequiredService<ICallRecords>();
        foreach (var id in new[] { "graded", "plain" })
        {
            await records.Write(new CallDetail(id, "13800000000", "vat", ["vat"], "S1", "agent1", ended.AddMinutes(-5), ended.AddMinutes(-4), ended.AddMinutes(-4),
                ended, 60, 180, 0, 0, CallOutcome.Answered, 0, id == "graded", day));
        }

        var recorded = store.GetRequiredService<IRecordedCalls>();
        await recorded.Add(new RecordedCall("graded", "agent1", "vat", ended, 12.5, 3.2), day);
        await recorded.Surveyed("graded", 2);
        await recorded.Add(new RecordedCall("graded", "agent1", "vat", ended, 12.5, 3.2), day); // a repeated ingest keeps the survey
        var quality = store.GetRequiredService<IQualityRecords>();
        var points = new Dictionary<string, decimal?> { ["q1"] = 100 };
        await quality.Scored("2026-11", new ScoredEvaluation("graded.grader", "agent1", 80, false, points, ended, "vat", "graded"));
        await quality.Scored("2026-11", new ScoredEvaluation("graded.grader2", "agent1", 70.6m, false, points, ended, "vat", "graded"));
        var order = new WorkOrderSummary("WO-1", WorkOrderKind.HardQuestion, WorkOrderStatus.InHand, "tax", "agent1", "liaison1", AssigneeLevel.Liaison,
            "红冲", null, null, false, 0, 0, ended, null, null, null, null, null, ["agent1"], null);
        await store.GetRequiredService<IWorkOrderSummaries>().Put(order, "2026-11", "graded");

        var page = await records.Search(new CallQuery());
        Assert.Equal(["graded", "plain"], page.Items.Select(c => c.CallId).Order());
        var extras = page.Extras!["graded"];
        Assert.Equal((12.5, 3.2, 2, 75.3), (extras.LongestDeadAirSeconds, extras.OverTalkSeconds, extras.SurveyScore, extras.EvaluationScore));
        Assert.Equal(["WO-1"], extras.WorkOrders);
        Assert.False(page.Extras.ContainsKey("plain"));

        Assert.Equal(["graded"], (await records.Search(new CallQuery(MinScore: 75))).Items.Select(c => c.CallId));
        Assert.Equal(["graded"], (await records.Search(new CallQuery(MinScore: 70, MaxScore: 71))).Items.Select(c => c.CallId));
        Assert.Empty((await records.Search(new CallQuery(MinScore: 81))).Items);
        Assert.Equal([80m, 70.6m], (await quality.Month("2026-11")).Select(e => e.Total));
    }
}
