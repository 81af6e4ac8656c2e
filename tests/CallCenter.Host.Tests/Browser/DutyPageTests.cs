using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

public sealed class DutyPageTests() : BrowserTest()
{
    [Fact]
    public async Task A_duty_officer_checks_in_on_the_duty_page_and_the_wallboard_duty_panel_shows_it()
    {
        var duty = await DutyScenario.Publish(host);
        var shiftId = $"{duty.Rotation}/{duty.Today:yyyy-MM-dd}/now";
        var wallboard = await browser.SignIn(host, "supervisor");
        var panel = wallboard.Locator($"[data-shift='{shiftId}']");
        await Assertions.Expect(panel.Locator("[data-duty-status]")).ToHaveTextAsync("待签到");

        var page = await browser.SignIn(host, "duty1");
        Assert.EndsWith("/duty.html", page.Url);
        var card = page.Locator($"[data-shift='{shiftId}']");
        await Assertions.Expect(card.Locator("[data-status]")).ToHaveTextAsync("待签到");
        await BrowserSession.Shoot(page, "duty-before-check-in");
        await card.Locator("[data-check-in]").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-active='{shiftId}'] [data-status]")).ToContainTextAsync("已到岗");
        await BrowserSession.Shoot(page, "duty-checked-in");

        await Assertions.Expect(panel.Locator("[data-duty-status]")).ToContainTextAsync("已到岗");
        await Assertions.Expect(panel.Locator("[data-officer]")).ToHaveTextAsync("duty1");
        await BrowserSession.Shoot(wallboard, "wallboard-duty-panel");

        await page.FillAsync("#notes", "12366 热线一切正常");
        await page.ClickAsync("#check-out");
        await Assertions.Expect(panel.Locator("[data-duty-status]")).ToHaveTextAsync("已签退");
    }
}
