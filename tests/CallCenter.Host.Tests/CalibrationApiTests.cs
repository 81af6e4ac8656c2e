namespace CallCenter.Host.Tests;

public sealed class CalibrationApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Graders_score_blind_and_the_report_gives_agreement_spread_and_deviation_from_the_leads_reference()
    {
        var callId = await RecordedCalls.TakenCall(Host, "agent1");
        var supervisor = await Host.As("supervisor");
        var form = await Api.WaitFor(() => supervisor.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        await supervisor.PostAsJsonAsync("/api/v1/grading/calibrations", new { callId, agent = "agent1", graders = new[] { "grader" }, lead = "grader3" }).Expect(HttpStatusCode.BadRequest);
        var opened = await supervisor.PostAsJsonAsync("/api/v1/grading/calibrations", new { callId, agent = "agent1", graders = new[] { "grader", "grader2" }, lead = "grader3" }).Ok();
        Assert.Equal(3, opened.GetProperty("notSubmitted").GetArrayLength());

        var questions = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("questions").EnumerateArray())
            .Select(q => (Id: q.Str("id"), Max: q.GetProperty("maxPoints").GetInt32())).ToList();
        // grader: full marks; grader2: 'complete' 5 of 10 (95); the lead: 'complete' 8 of 10 (98).
        foreach (var (who, complete) in new[] { ("grader", 10), ("grader2", 5), ("grader3", 8) })
        {
            var client = await Host.As(who);
            var answers = questions.Select(q => new { questionId = q.Id, points = q.Id == "complete" ? complete : q.Max, comment = "校准" }).ToList();
            await client.PutAsJsonAsync($"/api/v1/grading/evaluations/{callId}.{who}/answers", new { answers }).Ok();
            await client.PostAsync($"/api/v1/grading/evaluations/{callId}.{who}/submit", null).Ok();
        }

        var grader = await Host.As("grader");
        await grader.GetAsync($"/api/v1/grading/evaluations/{callId}.grader2").Expect(HttpStatusCode.Forbidden);
        await grader.GetAsync($"/api/v1/grading/calibrations/{callId}").Expect(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/grading/evaluations/{callId}.grader")).StatusCode);

        var report = await supervisor.PostAsync($"/api/v1/grading/calibrations/{callId}/close", null).Ok();
        Assert.Equal(("98", "5", "2.5"), (report.Str("reference"), report.Str("spread"), report.Str("standardDeviation")));
        Assert.Equal(("2", "-3"), (report.GetProperty("deviationFromReference").Str("grader"), report.GetProperty("deviationFromReference").Str("grader2")));
        var agreement = report.GetProperty("questions").EnumerateArray().ToDictionary(q => q.Str("questionId"), q => q.Str("agreement"));
        Assert.Equal(("0.5", "1"), (agreement["complete"], agreement["correct"]));
        Assert.Equal("8", report.GetProperty("questions").EnumerateArray().Single(q => q.Str("questionId") == "complete").Str("reference"));
        Assert.Empty(report.GetProperty("notSubmitted").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/grading/evaluations/{callId}.grader2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grader.GetAsync($"/api/v1/grading/calibrations/{callId}")).StatusCode);
    }
}
