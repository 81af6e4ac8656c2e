using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

public sealed class GraderWorkbenchTests() : BrowserTest()
{
    [Fact]
    public async Task A_grader_plays_an_assigned_call_jumps_to_dead_air_fails_a_critical_question_and_the_wallboard_shows_the_score()
    {
        var callId = await RecordedCalls.TakenCall(host, "agent1");
        var seat = "rs-" + callId[3..];
        await RecordedCalls.Upload(host, callId);
        var grader = await host.As("grader");
        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        var evaluationId = (await (await host.As("supervisor")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Ok()).Str("evaluationId");

        var wallboard = await browser.SignIn(host, "supervisor");
        await Assertions.Expect(wallboard.Locator($"[data-seat={seat}]")).ToBeVisibleAsync();

        var page = await browser.SignIn(host, "grader");
        Assert.EndsWith("/grader.html", page.Url);
        await page.Locator($"[data-evaluation='{evaluationId}']").ClickAsync();
        await Assertions.Expect(page.Locator("#wave[data-ready=true]")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#wave canvas").CountAsync() > 0, "the waveform is drawn");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("100"); // deduction style: full marks to start

        await page.ClickAsync("#play");
        await Assertions.Expect(page.Locator("#play")).ToHaveAttributeAsync("data-playing", "true");
        await page.ClickAsync("#play");
        await Assertions.Expect(page.Locator("#play")).ToHaveAttributeAsync("data-playing", "false");

        var marker = page.Locator("[data-marker=deadAir]").First;
        var from = Regex.Match(await marker.InnerTextAsync(), @"(\d+:\d\d\.\d)–").Groups[1].Value;
        await marker.ClickAsync();
        await Assertions.Expect(page.Locator("#time")).ToHaveTextAsync(from);
        await BrowserSession.Shoot(page, "grader-workbench");

        await page.Locator("[data-question=correct] [data-points]").SelectOptionAsync("0");
        await page.Locator("[data-question=correct] [data-stamp]").ClickAsync();
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#critical")).ToBeVisibleAsync();
        await page.ClickAsync("#submit");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已提交");

        var submitted = await grader.GetAsync($"/api/v1/grading/evaluations/{evaluationId}").Ok();
        Assert.Equal("Submitted", submitted.Str("status"));
        Assert.StartsWith($"[{from}]", submitted.GetProperty("answers").EnumerateArray().Single(a => a.Str("questionId") == "correct").Str("comment"));
        await Assertions.Expect(wallboard.Locator($"[data-seat={seat}] [data-score]")).ToHaveTextAsync(new Regex("^0"));
        await BrowserSession.Shoot(wallboard, "wallboard-after-grading");
    }

    [Fact]
    public async Task A_supervisor_draws_the_weeks_sample_on_the_workbench_and_the_chosen_grader_gets_the_call()
    {
        var callId = await RecordedCalls.TakenCall(host, "agent2");
        await RecordedCalls.Upload(host, callId);
        var grader = await host.As("grader3");
        await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");

        var page = await browser.SignIn(host, "supervisor");
        await page.GotoAsync("/grader.html");
        await page.ClickAsync("#sampling summary");
        var form = page.Locator("#sample-form");
        foreach (var other in new[] { "grader", "grader2", "grader3" })
        {
            await form.Locator($"input[name=graders][value={other}]").UncheckAsync();
        }

        await form.Locator("button.go").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=graders]")).ToBeVisibleAsync();
        await form.Locator("input[name=graders][value=grader3]").CheckAsync();
        await form.Locator("input[name=perAgent]").FillAsync("1");
        await form.Locator("button.go").ClickAsync();
        await Assertions.Expect(page.Locator($"#sample-result [data-call='{callId}']")).ToContainTextAsync("grader3");
        await BrowserSession.Shoot(page, "grader-workbench-sample");
        var queue = await grader.GetAsync("/api/v1/grading/queue").Ok();
        Assert.Contains(queue.EnumerateArray(), t => t.Str("evaluationId") == $"{callId}.grader3");
    }
}
