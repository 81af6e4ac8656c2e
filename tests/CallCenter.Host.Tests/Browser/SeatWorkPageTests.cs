using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>The agent desktop and the wallboard working one call together, by clicks and typing.</summary>
public sealed class SeatWorkPageTests() : BrowserTest()
{
    private const string Caller = "13912345678";

    [Fact]
    public async Task An_offer_pops_the_callers_history_a_second_agent_is_told_why_the_seat_is_refused_and_a_barge_shows_on_the_desktop()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "vat", new { name = "增值税" });
        await Api.DefineSeat(admin, "P01", "vat");
        var previousOrder = await PreviousCallWithAnOpenOrder(admin);

        var desk = await browser.SignIn(host, "agent1");
        await desk.FillAsync("#seat-id", "P01");
        await desk.ClickAsync("#login");
        await desk.ClickAsync("#ready");
        await Assertions.Expect(desk.Locator("#seat-state")).ToHaveTextAsync("就绪");

        var softswitch = host.Softswitch();
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "pop-now", caller = Caller, queue = "vat" }).Expect(HttpStatusCode.Accepted);
        var pop = desk.Locator("#screen-pop");
        await Assertions.Expect(pop).ToBeVisibleAsync();
        await Assertions.Expect(pop.Locator("#pop-caller")).ToHaveTextAsync("139****5678");
        await Assertions.Expect(pop.Locator("#pop-queue")).ToHaveTextAsync("增值税");
        await Assertions.Expect(pop.Locator("#pop-previous [data-call=pop-before]")).ToContainTextAsync("agent2");
        await Assertions.Expect(pop.Locator($"#pop-orders [data-order='{previousOrder}']")).ToContainTextAsync("疑难问题");
        Assert.DoesNotContain(Caller, await desk.ContentAsync());
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls/pop-now/answered", new { seatId = "P01" }).Ok();
        await BrowserSession.Shoot(desk, "agent-desktop-screen-pop");

        // Another agent typing the same seat is told, in words, who holds it.
        var other = await browser.SignIn(host, "agent2");
        await other.FillAsync("#seat-id", "P01");
        await other.ClickAsync("#login");
        await Assertions.Expect(other.Locator("#error")).ToHaveTextAsync("座席 P01 正由 agent1 签入使用：请对方先签出，或请班长接管该座席。");
        await other.ClickAsync("#language");
        await other.FillAsync("#seat-id", "P01");
        await other.ClickAsync("#login");
        await Assertions.Expect(other.Locator("#error")).ToHaveTextAsync("Seat P01 is in use by agent1: they log out first, or a supervisor takes the seat over.");
        await BrowserSession.Shoot(other, "agent-desktop-seat-refused-en");
        await other.ClickAsync("#ready");
        await Assertions.Expect(other.Locator("#error")).ToHaveTextAsync("You are not logged in at seat P01.");
        await other.ClickAsync("#language");
        await other.ClickAsync("#ready");
        await Assertions.Expect(other.Locator("#error")).ToHaveTextAsync("您没有在座席 P01 签入。");

        var wallboard = await browser.SignIn(host, "supervisor");
        await wallboard.ClickAsync("[data-seat=P01]");
        var panel = wallboard.Locator("#seat-panel");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel.Locator("#panel-facts")).ToContainTextAsync("pop-now");
        await panel.Locator("[data-monitor=Barge]").ClickAsync();
        await Assertions.Expect(desk.Locator("#monitored")).ToHaveTextAsync("班长已加入通话（三方通话）");
        await Assertions.Expect(panel.Locator("#panel-facts")).ToContainTextAsync("supervisor");
        await BrowserSession.Shoot(wallboard, "wallboard-seat-panel");
        await BrowserSession.Shoot(desk, "agent-desktop-barged");
        await panel.Locator("[data-monitor=None]").ClickAsync();
        await Assertions.Expect(desk.Locator("#monitored")).ToBeHiddenAsync();

        await panel.Locator("#panel-message").FillAsync("请注意核实纳税人身份");
        await panel.Locator("#panel-send").ClickAsync();
        await Assertions.Expect(desk.Locator("#messages")).ToContainTextAsync("请注意核实纳税人身份");

        await wallboard.ClickAsync("#view-table");
        await Assertions.Expect(wallboard.Locator("#seat-table tr[data-seat=P01]")).ToContainTextAsync("agent1");
        await wallboard.ClickAsync("#seat-table th[data-sort=agent]");
        await Assertions.Expect(wallboard.Locator("#seat-table th[data-sort=agent]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await BrowserSession.Shoot(wallboard, "wallboard-table");
    }

    /// <summary>Yesterday's caller: a call agent2 took at another seat, a hard question still open from it, its record in the store.</summary>
    private async Task<string> PreviousCallWithAnOpenOrder(HttpClient admin)
    {
        await admin.PutAsJsonAsync("/api/v1/work-orders/departments/tax", new { name = "纳税服务科", liaison = "liaison1", head = "head1", handlers = new[] { "handler1" } }).Ok();
        await Api.DefineSeat(admin, "P02", "vat");
        await admin.PostAsJsonAsync("/api/v1/seats/P02/login", new { agent = "agent2", takeOver = true }).Ok();
        await admin.PostAsJsonAsync("/api/v1/seats/P02/state", new { state = "Ready" }).Ok();
        var softswitch = host.Softswitch();
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls", new { callId = "pop-before", caller = Caller, queue = "vat" }).Expect(HttpStatusCode.Accepted);
        await Api.WaitFor(() => admin.GetAsync("/api/v1/calls/pop-before").Ok(), c => c.Str("state") == "Offered", "the first offer");
        await softswitch.PostAsJsonAsync("/api/v1/cti/calls/pop-before/answered", new { seatId = "P02" }).Ok();
        var agent2 = await host.As("agent2");
        var order = (await agent2.PostAsJsonAsync("/api/v1/work-orders", new { kind = "HardQuestion", department = "tax", callId = "pop-before", question = "跨区迁移如何清税？" })
            .Expect(HttpStatusCode.Created)).GetProperty("order").Str("orderId");
        await softswitch.PostAsync("/api/v1/cti/calls/pop-before/ended", null).Ok();
        await admin.PostAsJsonAsync("/api/v1/seats/P02/force", new { state = "LoggedOut" }).Ok();
        await Api.WaitFor(() => admin.GetAsync($"/api/v1/call-records?caller={Caller}").Ok(), r => r.GetProperty("items").GetArrayLength() == 1, "the first call's record");
        return order;
    }
}
