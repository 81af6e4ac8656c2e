using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>Every page opens for an administrator in 中文 and in English, with the shared bar, and is photographed in both.</summary>
public sealed class EveryPageTests() : BrowserTest()
{
    private static readonly string[] Pages =
        ["admin", "wallboard", "agent", "duty", "roster", "grader", "workorders", "knowledge", "report", "reports", "history"];

    [Fact]
    public async Task Every_page_opens_in_both_languages_with_the_navigation_bar()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "vat", new { name = "增值税" });
        await Api.DefineSeat(admin, "E01", "vat");
        var page = await browser.SignIn(host, "admin");
        foreach (var (language, title) in new[] { ("zh", "监控墙"), ("en", "Wallboard") })
        {
            await page.EvaluateAsync("lang => localStorage.setItem('lang', lang)", language);
            foreach (var name in Pages)
            {
                await page.GotoAsync($"/{name}.html", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language == "zh" ? "zh-CN" : "en");
                await Assertions.Expect(page.Locator($"#pages a[href='/wallboard.html']")).ToHaveTextAsync(title);
                await Assertions.Expect(page.Locator($"#pages a[href='/{name}.html']")).ToHaveClassAsync(new Regex("current"));
                await Assertions.Expect(page.Locator(".forbidden")).ToHaveCountAsync(0);
                await BrowserSession.Shoot(page, $"page-{name}-{language}");
            }
        }

        var favicon = await host.Anonymous().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await favicon.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Theory]
    [InlineData("admin", "/admin.html")]
    [InlineData("supervisor", "/wallboard.html")]
    [InlineData("duty1", "/duty.html")]
    [InlineData("grader", "/grader.html")]
    [InlineData("agent1", "/agent.html")]
    [InlineData("liaison1", "/workorders.html")]
    [InlineData("handler1", "/workorders.html")]
    public async Task Each_role_lands_on_its_own_page_and_the_site_root_leads_there(string user, string page)
    {
        var signedIn = await browser.SignIn(host, user);
        Assert.EndsWith(page, signedIn.Url);
        await Assertions.Expect(signedIn.Locator(".forbidden")).ToHaveCountAsync(0);
        await signedIn.GotoAsync("/");
        // The root page sends on by script once it knows who is signed in: the address is polled, not a navigation
        // event awaited (one that fires before the wait begins would be missed).
        await Assertions.Expect(signedIn).ToHaveURLAsync(
            new Regex(Regex.Escape(page) + "$"),
            new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await signedIn.Context.DisposeAsync();
    }
}
