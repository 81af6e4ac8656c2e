using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser); screenshots go to screenshots/.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;

    private BrowserSession(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> Start()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        }

        // Test assemblies run side by side on 2 cores: waiting for a page to reach a state may take more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(Screenshots);
        return new BrowserSession(playwright, browser);
    }

    /// <summary>A fresh browser context (a Beijing desk: zh-CN, Asia/Shanghai) signed in through the sign-in page.</summary>
    public async Task<IPage> SignIn(RunningHost host, string user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, TimezoneId = "Asia/Shanghai", Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login.html");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", RunningHost.Password);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("login.html"));
        return page;
    }

    public static Task Shoot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
