using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>A user an administrator created signs in on the sign-in page and must choose a password before landing on their page.</summary>
public sealed class PasswordChangePageTests() : BrowserTest()
{
    [Fact]
    public async Task A_new_agent_signs_in_with_the_temporary_password_chooses_their_own_and_lands_on_the_agent_desktop()
    {
        var admin = await host.As("admin");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "newagent", displayName = "新座席", roles = new[] { "Agent" } }).Expect(HttpStatusCode.Created);
        var temporary = created.Str("temporaryPassword");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login.html");
        await page.FillAsync("#login input[name=userName]", "newagent");
        await page.FillAsync("#login input[name=password]", temporary);
        await page.ClickAsync("#login button[type=submit]");
        await Assertions.Expect(page.Locator("#change")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#change h1")).ToHaveTextAsync("请设置新密码");

        await page.FillAsync("#change input[name=newPassword]", "Mine-pass-77");
        await page.FillAsync("#change input[name=repeat]", "Mine-pass-70");
        await page.ClickAsync("#change button[type=submit]");
        await Assertions.Expect(page.Locator("#change-error")).ToHaveTextAsync("两次输入的密码不一致");
        await page.FillAsync("#change input[name=repeat]", "Mine-pass-77");
        await BrowserSession.Shoot(page, "password-change");
        await page.ClickAsync("#change button[type=submit]");
        await page.WaitForURLAsync(url => url.EndsWith("/agent.html", StringComparison.Ordinal));

        await host.As("newagent", "Mine-pass-77");
        await context.DisposeAsync();
    }
}
