using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

public sealed class WallboardPageTests() : BrowserTest("--CallCenter:Alerts:NotReadyMaxSeconds=2")
{
    [Fact]
    public async Task A_supervisor_sees_seat_changes_live_and_acknowledges_an_alert()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "invoice");
        await Api.DefineSeat(admin, "W01", "invoice");
        var wallboard = await browser.SignIn(host, "supervisor");
        Assert.EndsWith("/wallboard.html", wallboard.Url);
        var tile = wallboard.Locator("[data-seat=W01]");
        await Assertions.Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("LoggedOut"));
        Assert.True(host.Services.GetRequiredService<WallConnections>().Opened > 0, "the page's wall took a ticket and was served below HTTP");

        var agent = await host.As("agent1");
        await agent.PostAsJsonAsync("/api/v1/seats/W01/login", new { agent = "agent1" }).Ok();
        await agent.PostAsJsonAsync("/api/v1/seats/W01/state", new { state = "Ready" }).Ok();
        await Assertions.Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("Ready"));
        await Assertions.Expect(tile.Locator("[data-state]")).ToHaveTextAsync("就绪");
        await BrowserSession.Shoot(wallboard, "wallboard-ready");

        await agent.PostAsJsonAsync("/api/v1/seats/W01/state", new { state = "NotReady", reason = "meal" }).Ok();
        var alert = wallboard.Locator("[data-alert='NotReadyTooLong:W01']");
        await Assertions.Expect(alert).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        await alert.Locator("input").FillAsync("已提醒座席");
        await alert.Locator("button").ClickAsync();
        await Assertions.Expect(alert).ToContainTextAsync("supervisor");
        await Assertions.Expect(alert).ToContainTextAsync("已提醒座席");
        await Assertions.Expect(alert).ToContainTextAsync("W01（agent1）示忙（用餐）已");
        await BrowserSession.Shoot(wallboard, "wallboard-alert-acknowledged");

        // Cleared once the condition has been gone for the clear time, and kept in the history with its acknowledgement.
        await agent.PostAsJsonAsync("/api/v1/seats/W01/state", new { state = "Ready" }).Ok();
        await Assertions.Expect(alert).ToHaveCountAsync(0);
        var supervisor = await host.As("supervisor");
        var history = await Api.WaitFor(() => supervisor.GetAsync("/api/v1/alerts/history?kind=NotReadyTooLong&q=W01").Ok(),
            h => h.GetArrayLength() == 1 && h[0].GetProperty("clearedAt").ValueKind != System.Text.Json.JsonValueKind.Null, "the cleared alert in the history");
        await wallboard.ClickAsync("#alert-history-box summary");
        var past = wallboard.Locator("#alert-history [data-history='NotReadyTooLong:W01']");
        await Assertions.Expect(past).ToContainTextAsync("已解除");
        await Assertions.Expect(past).ToContainTextAsync("已提醒座席");
        var entry = Assert.Single(history.EnumerateArray());
        Assert.Equal(("supervisor", "已提醒座席"), (entry.Str("acknowledgedBy"), entry.Str("note")));
        await supervisor.GetAsync("/api/v1/alerts/history?kind=Nonsense").Expect(HttpStatusCode.BadRequest);
        await (await host.As("agent1")).GetAsync("/api/v1/alerts/history").Expect(HttpStatusCode.Forbidden);

        await wallboard.ClickAsync("#language");
        await wallboard.ClickAsync("#alert-history-box summary");
        await Assertions.Expect(past).ToContainTextAsync("W01 (agent1) has been not ready (Meal) for");
        await BrowserSession.Shoot(wallboard, "wallboard-alert-history-en");
    }

    [Fact]
    public async Task A_submitted_evaluation_shows_its_score_on_the_agents_seat_tile()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "score");
        await Api.DefineSeat(admin, "Q01", "score");
        var callId = await RecordedCalls.TakenCall(host, "agent3");
        await admin.PostAsJsonAsync("/api/v1/seats/Q01/login", new { agent = "agent3", takeOver = true }).Ok();
        var wallboard = await browser.SignIn(host, "supervisor");
        await Assertions.Expect(wallboard.Locator("[data-seat=Q01]")).ToBeVisibleAsync();
        await Assertions.Expect(wallboard.Locator("[data-seat=Q01] [data-score]")).ToHaveCountAsync(0);

        var grader = await host.As("grader");
        var form = await Api.WaitFor(() => grader.GetAsync("/api/v1/grading/forms/12366").Expect(HttpStatusCode.OK), _ => true, "the default scorecard");
        var id = (await (await host.As("supervisor")).PostAsJsonAsync("/api/v1/grading/evaluations", new { callId, grader = "grader" }).Ok()).Str("evaluationId");
        var answers = form.GetProperty("sections").EnumerateArray().SelectMany(x => x.GetProperty("questions").EnumerateArray())
            .Select(q => new { questionId = q.Str("id"), points = q.Str("id") == "complete" ? 5 : q.GetProperty("maxPoints").GetInt32(), comment = "答复不够完整" }).ToList();
        await grader.PutAsJsonAsync($"/api/v1/grading/evaluations/{id}/answers", new { answers }).Ok();
        await grader.PostAsync($"/api/v1/grading/evaluations/{id}/submit", null).Ok();

        await Assertions.Expect(wallboard.Locator("[data-seat=Q01] [data-score]")).ToHaveTextAsync("95");
        await BrowserSession.Shoot(wallboard, "wallboard-quality-score");
    }

    [Fact]
    public async Task An_agent_logs_in_at_a_seat_and_goes_ready_on_the_agent_desktop()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "iit");
        await Api.DefineSeat(admin, "A07", "iit");
        var desk = await browser.SignIn(host, "agent2");
        Assert.EndsWith("/agent.html", desk.Url);
        await desk.FillAsync("#seat-id", "A07");
        await desk.ClickAsync("#login");
        await Assertions.Expect(desk.Locator("#seat-state")).ToContainTextAsync("示忙");
        await desk.ClickAsync("#ready");
        await Assertions.Expect(desk.Locator("#seat-state")).ToHaveTextAsync("就绪");
        await BrowserSession.Shoot(desk, "agent-desktop-ready");

        var supervisor = await host.As("supervisor");
        var seat = await supervisor.GetAsync("/api/v1/seats/A07").Ok();
        Assert.Equal(("Ready", "agent2"), (seat.Str("state"), seat.Str("agent")));

        await supervisor.PostAsJsonAsync("/api/v1/seats/A07/message", new { text = "请注意发票新政口径" }).Ok();
        await Assertions.Expect(desk.Locator("#messages")).ToContainTextAsync("请注意发票新政口径");
        await BrowserSession.Shoot(desk, "agent-desktop-message");

        var entry = (await (await host.As("liaison1")).PostAsJsonAsync("/api/v1/knowledge/entries", new
        {
            question = "数电发票开具后如何红冲？", answer = "在电子发票服务平台填开《红字发票信息确认单》后开具红字数电发票。", tags = new[] { "发票" },
        }).Ok()).Str("entryId");
        await supervisor.PostAsync($"/api/v1/knowledge/entries/{entry}/approve", null).Ok();
        await desk.FillAsync("#kb-query", "数电发票红冲");
        await Assertions.Expect(desk.Locator($"#kb-hits [data-entry='{entry}']")).ToContainTextAsync("红字发票信息确认单");
        await BrowserSession.Shoot(desk, "agent-desktop-knowledge");
    }

    [Fact]
    public async Task Five_hundred_seats_fit_on_one_1080p_wall()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "wall");
        await Parallel.ForEachAsync(Enumerable.Range(1, 500), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await Api.DefineSeat(admin, $"Z{i:000}", "wall"));
        var page = await browser.SignIn(host, "supervisor");
        await page.SetViewportSizeAsync(1920, 1080);
        await page.ClickAsync("#wall-mode");
        await Assertions.Expect(page.Locator("[data-seat]")).ToHaveCountAsync(500);
        var seats = await page.Locator("#seats").BoundingBoxAsync();
        Assert.NotNull(seats);
        Assert.True(seats!.Y + seats.Height <= 1080, $"the seat grid ends at {seats.Y + seats.Height:0} px");
        await BrowserSession.Shoot(page, "wallboard-500-seats");
    }
}
