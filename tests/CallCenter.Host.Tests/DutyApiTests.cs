using System.Text;

namespace CallCenter.Host.Tests;

/// <summary>Duty over HTTP on a host of its own (the calendar may be changed so that today is a working day).</summary>
public sealed class DutyApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task The_rostered_officer_checks_in_and_out_and_who_is_on_duty_follows()
    {
        var duty = await DutyScenario.Publish(Host);
        var officer = await Host.As("duty1");
        var me = await officer.GetAsync("/api/v1/duty/me").Ok();
        Assert.Contains(me.GetProperty("shifts").EnumerateArray(), s => s.GetProperty("plan").GetProperty("shift").Str("shiftId") == $"{duty.Rotation}/{duty.Today:yyyy-MM-dd}/now");
        Assert.Contains(me.GetProperty("notices").EnumerateArray(), n => n.Str("kind") == "roster");

        var refused = await (await Host.As("duty2")).PostAsJsonAsync(duty.ShiftPath + "/check-in", new { }).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("is not rostered", refused.Str("detail"));
        await (await Host.As("agent1")).PostAsJsonAsync(duty.ShiftPath + "/check-in", new { }).Expect(HttpStatusCode.Forbidden);

        var checkedIn = await officer.PostAsJsonAsync(duty.ShiftPath + "/check-in", new { device = "iPhone 值班" }).Ok();
        Assert.Equal(("CheckedIn", "duty1"), (checkedIn.Str("status"), checkedIn.Str("checkedInBy")));
        var entry = checkedIn.GetProperty("clock")[0];
        Assert.Equal(("in", "127.0.0.1", "iPhone 值班"), (entry.Str("kind"), entry.Str("address"), entry.Str("device")));

        var agent = await Host.As("agent1");
        var now = await agent.GetAsync("/api/v1/duty/now?department=tax").Ok();
        Assert.Contains(now.EnumerateArray(), t => t.Str("checkedInBy") == "duty1" && t.GetProperty("shift").Str("shiftId").StartsWith(duty.Rotation));
        Assert.DoesNotContain((await agent.GetAsync("/api/v1/duty/now?department=levy").Ok()).EnumerateArray(), t => t.GetProperty("shift").Str("shiftId").StartsWith(duty.Rotation));

        var done = await officer.PostAsJsonAsync(duty.ShiftPath + "/check-out", new { notes = "一件举报待转办", openMatters = new[] { "WO-7" } }).Ok();
        Assert.Equal("CheckedOut", done.Str("status"));
        Assert.Equal("一件举报待转办", done.GetProperty("handover").Str("notes"));
        Assert.DoesNotContain((await agent.GetAsync("/api/v1/duty/now").Ok()).EnumerateArray(), t => t.GetProperty("shift").Str("shiftId").StartsWith(duty.Rotation));
        await officer.PostAsJsonAsync(duty.ShiftPath + "/check-out", new { }).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_check_in_outside_the_window_is_refused_with_the_window_in_the_message()
    {
        var admin = await Host.As("admin");
        var duty = await DutyScenario.Publish(Host, officer: "duty2");
        var tomorrow = (await admin.GetAsync($"/api/v1/calendar/add?from={duty.Today.AddDays(1):yyyy-MM-dd}&days=0").Ok()).Str("date");
        if (DateOnly.Parse(tomorrow).Year is var year && year != duty.Today.Year)
        {
            // At the year's end the next working day is in a year whose calendar is not published yet, and a roster is
            // refused there until one is loaded: this host (of this class alone) gets an empty one.
            await admin.PutAsJsonAsync($"/api/v1/calendar/years/{year}",
                new { holidays = Array.Empty<object>(), makeUpWorkdays = Array.Empty<string>(), source = "test: the next working day is in a year not yet published" }).Ok();
        }

        await admin.PostAsJsonAsync($"/api/v1/duty/rotations/{duty.Rotation}/roster/generate", new { from = tomorrow, to = tomorrow }).Ok();
        var published = await admin.PostAsync($"/api/v1/duty/rotations/{duty.Rotation}/roster/publish", null).Ok();
        var shift = published.GetProperty("shifts")[0];
        var who = await Host.As(shift.Str("officer"));
        var refused = await who.PostAsJsonAsync($"/api/v1/duty/shifts/{duty.Rotation}/{tomorrow}/now/check-in", new { }).Expect(HttpStatusCode.Conflict);
        Assert.Contains("is open from", refused.Str("detail"));
    }

    [Fact]
    public async Task Bad_rotations_periods_and_edits_get_clear_400s()
    {
        var admin = await Host.As("admin");
        var bad = await admin.PutAsJsonAsync("/api/v1/duty/rotations/r-bad", new { name = "x", departments = new[] { new { id = "tax", name = "纳税服务科", head = "head1", officers = new[] { "duty1", "nobody" } } } })
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("'nobody' is not a user with the DutyOfficer role", bad.GetRawText());
        var alone = await admin.PutAsJsonAsync("/api/v1/duty/rotations/r-alone", new { name = "x", departments = new[] { new { id = "tax", name = "纳税服务科", head = "head1", officers = new[] { "duty1" } } } })
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("two shifts in a row", alone.GetRawText());
        await admin.PutAsJsonAsync("/api/v1/duty/rotations/r-overlap", new
        {
            name = "x",
            templates = new[] { new { id = "a", name = "A", start = "08:00", end = "12:00" }, new { id = "b", name = "B", start = "11:00", end = "13:00" } },
            departments = new[] { new { id = "tax", name = "纳税服务科", head = "head1", officers = new[] { "duty1", "duty2" } } },
        }).Expect(HttpStatusCode.BadRequest);

        var duty = await DutyScenario.Publish(Host);
        var path = $"/api/v1/duty/rotations/{duty.Rotation}";
        await admin.PostAsJsonAsync(path + "/roster/generate", new { from = "2026-05-10", to = "2026-05-01" }).Expect(HttpStatusCode.BadRequest);
        var missing = await admin.PostAsJsonAsync(path + "/roster/generate", new { from = "2031-01-05", to = "2031-01-09" }).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("calendar for 2031 is not loaded", missing.Str("detail"));
        await admin.PostAsJsonAsync(path + "/roster/generate", new { from = "2026-05-10" }).Expect(HttpStatusCode.BadRequest);
        await admin.PostAsync(path + "/roster/publish", null).Expect(HttpStatusCode.Conflict);
        await admin.PutAsJsonAsync(path + $"/roster/shifts/{duty.Today:yyyy-MM-dd}/now", new { officer = "duty2" }).Expect(HttpStatusCode.BadRequest);
        await admin.PutAsJsonAsync(path + $"/roster/shifts/{duty.Today:yyyy-MM-dd}/now", new { officer = "agent1", reason = "x" }).Expect(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/duty/rotations/never-defined").Expect(HttpStatusCode.NotFound);
        await (await Host.As("duty1")).PostAsJsonAsync(path + "/roster/generate", new { from = "2026-05-01", to = "2026-05-10" }).Expect(HttpStatusCode.Forbidden);
        await (await Host.As("duty1")).PostAsJsonAsync(path + "/leave", new { officer = "duty2", from = "2026-05-01", to = "2026-05-02", reason = "x" }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_edit_with_a_reason_is_audited_and_the_roster_exports_as_csv_and_icalendar()
    {
        var admin = await Host.As("admin");
        var duty = await DutyScenario.Publish(Host);
        var path = $"/api/v1/duty/rotations/{duty.Rotation}";
        var edited = await admin.PutAsJsonAsync(path + $"/roster/shifts/{duty.Today:yyyy-MM-dd}/now", new { officer = "duty3", backup = "duty1", reason = "duty1 在外培训" }).Ok();
        Assert.Equal(("duty3", "levy"), (edited.Str("officer"), edited.Str("department")));
        var trail = await admin.GetAsync($"/api/v1/audit/{duty.Today:yyyy-MM-dd}").Ok();
        Assert.Contains(trail.EnumerateArray(), e => e.Str("action") == "roster-edit" && e.Str("detail").Contains("duty1 在外培训"));

        var officer = await Host.As("duty3");
        var csv = Encoding.UTF8.GetString(await officer.GetByteArrayAsync(path + $"/roster.csv?from={duty.Today:yyyy-MM-dd}&to={duty.Today:yyyy-MM-dd}"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("date,shift,start,end,department,officer,backup", lines[0]);
        Assert.StartsWith($"{duty.Today:yyyy-MM-dd},当班,", lines[1]);
        Assert.EndsWith(",征收管理科,duty3,duty1", lines[1]);

        var ics = await officer.GetAsync(path + $"/roster.ics?from={duty.Today:yyyy-MM-dd}&to={duty.Today:yyyy-MM-dd}&officer=duty3");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var bytes = await ics.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.Equal(1, text.Split("BEGIN:VEVENT").Length - 1);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains($"UID:{duty.Rotation}-{duty.Today:yyyy-MM-dd}-now@callcenter", text);
        var unfolded = text.Replace("\r\n ", "");
        Assert.Contains("SUMMARY:带班 Duty: 征收管理科 当班 — duty3", unfolded);
        var none = await officer.GetStringAsync(path + $"/roster.ics?from={duty.Today:yyyy-MM-dd}&to={duty.Today:yyyy-MM-dd}&officer=duty2");
        Assert.DoesNotContain("BEGIN:VEVENT", none);
    }

    [Fact]
    public async Task A_private_calendar_address_serves_only_its_officers_shifts_without_signing_in()
    {
        var duty = await DutyScenario.Publish(Host);
        var link = await (await Host.As("duty1")).GetAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Ok();
        var url = link.Str("url");
        var feed = await Host.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var text = (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", "");
        Assert.Contains($"UID:{duty.Rotation}-{duty.Today:yyyy-MM-dd}-now@callcenter", text);

        var other = await (await Host.As("duty3")).GetAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Ok();
        Assert.DoesNotContain("BEGIN:VEVENT", await Host.Anonymous().GetStringAsync(other.Str("url")));
        var tampered = url.Replace(".ics", "x.ics");
        var refused = await Host.Anonymous().GetAsync(tampered).Expect(HttpStatusCode.NotFound);
        Assert.Contains("not valid", refused.Str("detail"));
        await Host.Anonymous().GetAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Expect(HttpStatusCode.Unauthorized);

        // The same address while it lives; revoked by its owner (or an administrator) it stops at once.
        await (await Host.As("duty1")).GetAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Ok();
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync(url)).StatusCode);
        Assert.True(DateTimeOffset.Parse(link.Str("expires")) < DateTimeOffset.UtcNow.AddDays(91));
        await (await Host.As("duty3")).DeleteAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link?officer=duty1").Expect(HttpStatusCode.Forbidden);
        await (await Host.As("duty1")).DeleteAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Expect(HttpStatusCode.NoContent);
        await Host.Anonymous().GetAsync(url).Expect(HttpStatusCode.NotFound);
        await (await Host.As("admin")).DeleteAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link?officer=duty3").Expect(HttpStatusCode.NoContent);
        await Host.Anonymous().GetAsync(other.Str("url")).Expect(HttpStatusCode.NotFound);
        var renewed = (await (await Host.As("duty1")).GetAsync($"/api/v1/duty/rotations/{duty.Rotation}/feed-link").Ok()).Str("url");
        Assert.NotEqual(url, renewed);
        Assert.Equal(HttpStatusCode.OK, (await Host.Anonymous().GetAsync(renewed)).StatusCode);
    }

    [Fact]
    public async Task A_duty_officer_declares_their_own_leave_and_the_next_roster_respects_it()
    {
        var duty = await DutyScenario.Publish(Host);
        var officer = await Host.As("duty2");
        var admin = await Host.As("admin");
        var path = $"/api/v1/duty/rotations/{duty.Rotation}";
        await officer.PostAsJsonAsync(path + "/leave", new { officer = "duty2", from = "2026-12-01", to = "2026-12-31", reason = "年休假" }).Ok();
        await officer.PostAsJsonAsync(path + "/leave", new { officer = "duty2", from = "2026-12-31", to = "2026-12-01", reason = "x" }).Expect(HttpStatusCode.BadRequest);
        var roster = await admin.PostAsJsonAsync(path + "/roster/generate", new { from = "2026-12-01", to = "2026-12-31" }).Ok();
        var officers = roster.GetProperty("shifts").EnumerateArray().Select(s => s.Str("officer")).ToList();
        Assert.DoesNotContain("duty2", officers);
        // The working days of December 2026, and today when the scenario made a weekend there a make-up working day.
        var madeUp = duty.Today is { Year: 2026, Month: 12, DayOfWeek: DayOfWeek.Saturday or DayOfWeek.Sunday } ? 1 : 0;
        Assert.Equal(23 + madeUp, officers.Count);
        Assert.True(Math.Abs(officers.Count(o => o == "duty1") - officers.Count(o => o == "duty3")) <= 1);
    }
}
