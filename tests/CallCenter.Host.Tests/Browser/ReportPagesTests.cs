using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>The call reports page draws today's calls in its charts; the call history page finds a call, shows its timeline and plays its recording.</summary>
public sealed class ReportPagesTests() : BrowserTest()
{
    [Fact]
    public async Task A_supervisor_sees_todays_calls_in_the_charts_and_plays_a_recorded_call_from_history_and_an_agent_sees_only_their_call_masked()
    {
        var recorded = await RecordedCalls.TakenCall(host, "agent1");
        await RecordedCalls.Upload(host, recorded);
        var softswitch = host.Softswitch();
        var queue = "rq-" + recorded[3..];
        await (await host.As("agent1")).PostAsJsonAsync($"/api/v1/seats/rs-{recorded[3..]}/state", new { state = "NotReady", reason = "break" }).Ok(); // wrap-up done: the call ends
        var abandoned = "ab-" + recorded[3..];
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = abandoned, caller = "13600002222", queue }).Expect(HttpStatusCode.Accepted);
        var admin = await host.As("admin");
        await Api.WaitFor(() => admin.GetAsync($"/api/v1/calls/{abandoned}").Ok(), c => c.Str("state") == "Queued", "the call to wait");
        await softswitch.PostAsync($"/api/v1/cti/calls/{abandoned}/abandoned", null).Ok();
        await Api.WaitFor(() => admin.GetAsync($"/api/v1/call-records?queue={queue}").Ok(), r => r.GetProperty("items").GetArrayLength() == 2, "both calls' records");

        var page = await browser.SignIn(host, "supervisor");
        await page.GotoAsync("/reports.html");
        await Assertions.Expect(page.Locator("#offered")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("#volume-chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#volume-chart")).ToHaveAttributeAsync("data-points", "1");
        await Assertions.Expect(page.Locator("#abandon-chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#occupancy-chart")).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9]"));
        await Assertions.Expect(page.Locator("#intervals")).ToContainTextAsync(queue);
        await Assertions.Expect(page.Locator("#queue option[value='" + queue + "']")).ToHaveCountAsync(1);
        Assert.Contains("/api/v1/reports/queues/export?", await page.Locator("#queue-csv").GetAttributeAsync("href"));
        await BrowserSession.Shoot(page, "call-reports");

        await page.SelectOptionAsync("#period", "month");
        await Assertions.Expect(page.Locator("#interval-field")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#offered")).ToHaveTextAsync("2");

        await page.GotoAsync("/history.html");
        var row = page.Locator($"#results tr[data-call='{recorded}']");
        await Assertions.Expect(row).ToContainTextAsync("13700001111");
        await Assertions.Expect(page.Locator($"#results tr[data-call='{abandoned}']")).ToBeVisibleAsync();
        await page.FillAsync("#caller", "13600002222");
        await page.ClickAsync("#filters button[type=submit]");
        await Assertions.Expect(page.Locator("#results tr[data-call]")).ToHaveCountAsync(1);
        await page.FillAsync("#caller", "");
        await page.ClickAsync("#filters button[type=submit]");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("话后处理");
        var player = page.Locator("#player");
        await Assertions.Expect(player).ToBeVisibleAsync();
        var playable = await player.EvaluateAsync<double>("a => new Promise(done => { a.addEventListener('loadedmetadata', () => done(a.duration), { once: true }); a.load(); })");
        Assert.True(playable > 1, $"recording duration {playable}");
        await BrowserSession.Shoot(page, "call-history");

        var desk = await browser.SignIn(host, "agent1");
        await desk.GotoAsync("/history.html");
        var own = desk.Locator($"#results tr[data-call='{recorded}']");
        await Assertions.Expect(own).ToBeVisibleAsync();
        Assert.DoesNotContain("13700001111", await own.TextContentAsync());
        await Assertions.Expect(desk.Locator($"#results tr[data-call='{abandoned}']")).ToHaveCountAsync(0);
        await Assertions.Expect(desk.Locator("#caller")).ToBeHiddenAsync();
        await desk.GotoAsync("/reports.html");
        await Assertions.Expect(desk.Locator(".forbidden")).ToContainTextAsync("您的角色不能使用此页面");
    }
}
