using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CallCenter.Host.Tests.Browser;

/// <summary>An administrator runs the centre's setup from the administration page, with clicks and typing only.</summary>
public sealed class AdministrationPageTests() : BrowserTest()
{
    [Fact]
    public async Task An_administrator_creates_a_user_who_changes_the_password_and_lands_then_disabling_ends_the_open_session()
    {
        var admin = await browser.SignIn(host, "admin");
        Assert.EndsWith("/admin.html", admin.Url);
        await Assertions.Expect(admin.Locator("#pages a[href='/wallboard.html']")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#users tr[data-user=agent1]")).ToBeVisibleAsync();

        var form = admin.Locator("#new-user");
        await form.Locator("button.go").ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for=userName]")).ToBeVisibleAsync();
        await form.Locator("input[name=userName]").FillAsync("zhang.wei");
        await form.Locator("input[name=displayName]").FillAsync("张伟");
        await form.Locator("input[name=department]").FillAsync("纳税服务科");
        await form.Locator("input[name=roles][value=Agent]").CheckAsync();
        await form.Locator("button.go").ClickAsync();
        var temporary = admin.Locator("#temporary-password");
        await Assertions.Expect(temporary).ToBeVisibleAsync();
        var password = (await temporary.TextContentAsync())!.Trim();
        await Assertions.Expect(admin.Locator("#users tr[data-user='zhang.wei']")).ToContainTextAsync("张伟");
        await BrowserSession.Shoot(admin, "admin-users");

        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString(), Locale = "zh-CN" });
        var user = await context.NewPageAsync();
        await user.GotoAsync("/");
        await user.WaitForURLAsync(url => url.Contains("/login.html", StringComparison.Ordinal));
        await user.FillAsync("#login input[name=userName]", "zhang.wei");
        await user.FillAsync("#login input[name=password]", password);
        await user.ClickAsync("#login button[type=submit]");
        await user.FillAsync("#change input[name=newPassword]", "Zhang-wei-2026");
        await user.FillAsync("#change input[name=repeat]", "Zhang-wei-2026");
        await user.ClickAsync("#change button[type=submit]");
        await user.WaitForURLAsync(url => url.EndsWith("/agent.html", StringComparison.Ordinal));
        await Assertions.Expect(user.Locator("#user")).ToHaveTextAsync("张伟");
        await Assertions.Expect(user.Locator("#pages a")).ToHaveCountAsync(3); // agent desktop, work orders, call history

        // A page the role may not use says so in words, with a way back.
        await user.GotoAsync("/reports.html");
        await Assertions.Expect(user.Locator(".forbidden")).ToContainTextAsync("您的角色不能使用此页面");
        await user.ClickAsync("#back-home");
        await user.WaitForURLAsync(url => url.EndsWith("/agent.html", StringComparison.Ordinal));

        // Users change their own password from the bar; their sessions end and they sign in with the new one.
        await user.ClickAsync("#change-password");
        var dialog = user.Locator("#password-dialog");
        await dialog.Locator("input[name=currentPassword]").FillAsync("Zhang-wei-2026");
        await dialog.Locator("input[name=newPassword]").FillAsync("Zhang-wei-2027");
        await dialog.Locator("input[name=repeat]").FillAsync("Zhang-wei-2027");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await user.WaitForURLAsync(url => url.Contains("/login.html", StringComparison.Ordinal));
        await user.FillAsync("#login input[name=userName]", "zhang.wei");
        await user.FillAsync("#login input[name=password]", "Zhang-wei-2027");
        await user.ClickAsync("#login button[type=submit]");
        await user.WaitForURLAsync(url => url.EndsWith("/agent.html", StringComparison.Ordinal));

        await admin.ReloadAsync();
        await admin.Locator("#users tr[data-user='zhang.wei'] button[data-disable]").ClickAsync();
        await Assertions.Expect(admin.Locator("#users tr[data-user='zhang.wei']")).ToContainTextAsync("已停用");
        await user.ReloadAsync();
        await user.WaitForURLAsync(url => url.Contains("/login.html", StringComparison.Ordinal));
        await context.DisposeAsync();
    }

    [Fact]
    public async Task An_administrator_defines_a_queue_and_a_seat_and_loads_a_calendar_year_from_a_file()
    {
        var admin = await browser.SignIn(host, "admin");
        await admin.ClickAsync("[data-tab=queues]");
        var queue = admin.Locator("#queue-form");
        await queue.Locator("input[name=queueId]").FillAsync("vat");
        await queue.Locator("input[name=name]").FillAsync("增值税");
        await queue.Locator("input[name=ringTimeoutSeconds]").FillAsync("1");
        await queue.Locator("button.go").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-error-for=ringTimeoutSeconds]")).ToHaveTextAsync("应在 5 到 300 之间。");
        await queue.Locator("input[name=ringTimeoutSeconds]").FillAsync("25");
        await queue.Locator("button.go").ClickAsync();
        await Assertions.Expect(queue.Locator("[data-saved]")).ToContainTextAsync("vat");
        await Assertions.Expect(admin.Locator("#queue-list tr[data-queue=vat]")).ToBeVisibleAsync();

        await admin.ClickAsync("[data-tab=seats]");
        var seat = admin.Locator("#seat-form");
        await seat.Locator("input[name=seatId]").FillAsync("S101");
        await seat.Locator("input[name=name]").FillAsync("一号座席");
        await seat.Locator("input[name=department]").FillAsync("纳税服务科");
        await admin.ClickAsync("#add-skill");
        await seat.Locator("select[name=skill-queue]").SelectOptionAsync("vat");
        await seat.Locator("input[name=skill-level]").FillAsync("9");
        await seat.Locator("button.go").ClickAsync();
        await Assertions.Expect(seat.Locator("[data-error-for='skills[0].level']")).ToBeVisibleAsync();
        await seat.Locator("input[name=skill-level]").FillAsync("4");
        await seat.Locator("button.go").ClickAsync();
        await Assertions.Expect(seat.Locator("[data-saved]")).ToContainTextAsync("S101");
        await Assertions.Expect(admin.Locator("#seat-list tr[data-seat=S101]")).ToContainTextAsync("增值税");
        await BrowserSession.Shoot(admin, "admin-seats");

        var supervisor = await host.As("supervisor");
        var defined = await supervisor.GetAsync("/api/v1/seats/S101").Ok();
        Assert.Equal(4, defined.GetProperty("skills")[0].GetProperty("level").GetInt32());
        Assert.Equal(25, (await supervisor.GetAsync("/api/v1/queues/vat").Ok()).GetProperty("ringTimeoutSeconds").GetInt32());

        var file = Path.Combine(host.DataDir, "cn-2031.json");
        await File.WriteAllTextAsync(file, """
            { "region": "CN", "year": 2031, "source": "test arrangement",
              "holidays": [ { "name": "元旦", "nameEn": "New Year's Day", "from": "2031-01-01", "to": "2031-01-01" },
                            { "name": "国庆节", "nameEn": "National Day", "from": "2031-10-01", "to": "2031-10-07" } ],
              "makeUpWorkdays": [ "2031-09-28" ] }
            """);
        await admin.ClickAsync("[data-tab=calendar]");
        var next = DateTime.UtcNow.Year + 1;
        await Assertions.Expect(admin.Locator($"#years [data-year='{next}'].provisional")).ToContainTextAsync("春节");
        await Assertions.Expect(admin.Locator("#year-warnings")).ToContainTextAsync(next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.Locator("#year-form input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(admin.Locator("#year-preview")).ToContainTextAsync("国庆节");
        await admin.ClickAsync("#load-year");
        await Assertions.Expect(admin.Locator("#years [data-year='2031'].official")).ToContainTextAsync("国庆节");
        await BrowserSession.Shoot(admin, "admin-calendar");
        var day = await supervisor.GetAsync("/api/v1/calendar/days/2031-09-28").Ok();
        Assert.True(day.GetProperty("isWorkingDay").GetBoolean());
        Assert.Matches(new Regex("Holiday"), (await supervisor.GetAsync("/api/v1/calendar/days/2031-10-02").Ok()).Str("kind"));

        await admin.ClickAsync("[data-tab=departments]");
        var causes = admin.Locator("#cause-form textarea");
        await Assertions.Expect(causes).ToHaveValueAsync(new Regex("attitude \\| 服务态度"));
        await causes.FillAsync(await causes.InputValueAsync() + "\nbad | x");
        await admin.ClickAsync("#cause-form button.go");
        await Assertions.Expect(admin.Locator("#cause-form .field-error")).ToBeVisibleAsync(); // a line without its English name
        await causes.FillAsync((await causes.InputValueAsync()).Replace("bad | x", "wording | 用语不当 | Improper wording"));
        await admin.ClickAsync("#cause-form button.go");
        await Assertions.Expect(admin.Locator("#cause-form [data-saved]")).Not.ToBeEmptyAsync();
        Assert.Contains((await supervisor.GetAsync("/api/v1/work-orders/causes").Ok()).EnumerateArray(), c => c.Str("id") == "wording" && c.Str("name") == "用语不当");

        await admin.ClickAsync("[data-tab=alerts]");
        var rules = admin.Locator("#rules-form");
        await Assertions.Expect(rules.Locator("input[name=notReadyMaxSeconds]")).ToHaveValueAsync("900");
        await rules.Locator("input[name=notReadyMaxSeconds]").FillAsync("-5");
        await rules.Locator("button.go").ClickAsync();
        await Assertions.Expect(rules.Locator("[data-error-for=notReadyMaxSeconds]")).ToBeVisibleAsync();
        await rules.Locator("input[name=notReadyMaxSeconds]").FillAsync("300");
        await rules.Locator("button.go").ClickAsync();
        await Assertions.Expect(rules.Locator("[data-saved]")).ToHaveTextAsync("已保存");
        await BrowserSession.Shoot(admin, "admin-alert-thresholds");
        Assert.Equal(300, (await supervisor.GetAsync("/api/v1/alerts/rules").Ok()).GetProperty("notReadyMaxSeconds").GetInt32());
        await supervisor.PutAsJsonAsync("/api/v1/alerts/rules", new { notReadyMaxSeconds = 1 }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_api_reference_loads_nothing_from_outside_the_host()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString() });
        var page = await context.NewPageAsync();
        var requested = new System.Collections.Concurrent.ConcurrentBag<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync("/docs/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Seats");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Bearer");
        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.True(url.StartsWith(host.Address.ToString(), StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        await BrowserSession.Shoot(page, "api-docs");
        await context.DisposeAsync();
    }
}
