using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

public sealed class ReconnectPageTests() : BrowserTest()
{
    [Fact]
    public async Task The_wallboard_waits_out_a_minute_long_outage_showing_how_long_and_follows_changes_when_the_host_is_back()
    {
        var admin = await host.As("admin");
        await Api.DefineQueue(admin, "outage");
        await Api.DefineSeat(admin, "RC1", "outage");
        var wallboard = await browser.SignIn(host, "supervisor");
        var status = wallboard.Locator("#status");
        var tile = wallboard.Locator("[data-seat=RC1]");
        await Assertions.Expect(tile).ToHaveClassAsync(new Regex("LoggedOut"));
        await Assertions.Expect(status).ToHaveClassAsync(new Regex("live"));

        var (port, dataDir) = (host.Address.Port, host.DataDir);
        await host.DisposeAsync();
        await Assertions.Expect(status).Not.ToHaveClassAsync(new Regex("live"), new LocatorAssertionsToHaveClassOptions { Timeout = 20_000 });
        await Assertions.Expect(status).ToContainTextAsync(new Regex(@"1:0\d"), new LocatorAssertionsToContainTextOptions { Timeout = 90_000 });
        await BrowserSession.Shoot(wallboard, "wallboard-disconnected");

        host = await RunningHost.Start(dataDir, $"--urls=http://127.0.0.1:{port}");
        await Assertions.Expect(status).ToHaveClassAsync(new Regex("live"), new LocatorAssertionsToHaveClassOptions { Timeout = 30_000 });
        await (await host.As("admin")).PostAsJsonAsync("/api/v1/seats/RC1/login", new { agent = "agent2", takeOver = true }).Ok();
        await Assertions.Expect(tile).ToHaveClassAsync(new Regex("NotReady"), new LocatorAssertionsToHaveClassOptions { Timeout = 20_000 });
        Assert.EndsWith("/wallboard.html", wallboard.Url);
    }
}
