namespace CallCenter.Host.Tests;

public sealed class CalendarApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task The_shipped_arrangements_answer_working_day_questions()
    {
        var agent = await Host.As("agent1");
        var years = await agent.GetAsync("/api/v1/calendar/years").Ok();
        Assert.Subset(years.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToHashSet(), new HashSet<int> { 2025, 2026 });

        var makeUp = await agent.GetAsync("/api/v1/calendar/days/2026-02-14").Ok();
        Assert.Equal(("True", "MakeUpWorkday"), (makeUp.Str("isWorkingDay"), makeUp.Str("kind")));
        var holiday = await agent.GetAsync("/api/v1/calendar/days/2026-10-02").Ok();
        Assert.Equal(("False", "国庆节"), (holiday.Str("isWorkingDay"), holiday.Str("holidayName")));
        var due = await agent.GetAsync("/api/v1/calendar/add?from=2026-09-30&days=1").Ok();
        Assert.Equal("2026-10-08", due.Str("date"));

        var unknownYear = await agent.GetAsync("/api/v1/calendar/add?from=2026-12-31&days=2").Ok();
        Assert.Contains("2027", unknownYear.GetProperty("warnings")[0].GetString());
        Assert.Equal("2027-01-05", unknownYear.Str("date")); // 1 January is a statutory holiday even before 2027 is published

        var newYear = await agent.GetAsync("/api/v1/calendar/days/2027-01-01").Ok();
        Assert.Equal(("False", "Holiday", "元旦", "False"), (newYear.Str("isWorkingDay"), newYear.Str("kind"), newYear.Str("holidayName"), newYear.Str("calendarLoaded")));
        var statuses = (await agent.GetAsync("/api/v1/calendar/years").Ok()).GetProperty("statuses").EnumerateArray().ToList();
        var next = statuses.Single(y => y.GetProperty("year").GetInt32() == DateTime.UtcNow.Year + 1);
        Assert.False(next.GetProperty("official").GetBoolean());
        Assert.Contains(next.GetProperty("holidays").EnumerateArray(), h => h.Str("name") == "春节");
        Assert.True(statuses.Single(y => y.GetProperty("year").GetInt32() == 2026).GetProperty("official").GetBoolean());
    }

    [Fact]
    public async Task Only_administrators_load_a_year_and_bad_arrangements_are_refused()
    {
        var admin = await Host.As("admin");
        var supervisor = await Host.As("supervisor");
        var year = new { holidays = new[] { new { name = "元旦", nameEn = "New Year's Day", from = "2030-01-01", to = "2030-01-01" } }, makeUpWorkdays = Array.Empty<string>(), source = "test" };
        await supervisor.PutAsJsonAsync("/api/v1/calendar/years/2030", year).Expect(HttpStatusCode.Forbidden);
        await admin.PutAsJsonAsync("/api/v1/calendar/years/2030", year).Ok();
        Assert.Equal("Holiday", (await admin.GetAsync("/api/v1/calendar/days/2030-01-01").Ok()).Str("kind"));

        await admin.PutAsJsonAsync("/api/v1/calendar/years/2030", new { holidays = year.holidays, makeUpWorkdays = new[] { "2030-01-02" } }).Expect(HttpStatusCode.BadRequest);
        await admin.PutAsJsonAsync("/api/v1/calendar/years/2030", new { makeUpWorkdays = Array.Empty<string>() }).Expect(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/calendar/days/not-a-date").Expect(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/calendar/add?from=2026-01-05&days=-3").Expect(HttpStatusCode.BadRequest);
        await admin.GetAsync("/api/v1/calendar/years/2031").Expect(HttpStatusCode.NotFound);
        await Host.Anonymous().GetAsync("/api/v1/calendar/years").Expect(HttpStatusCode.Unauthorized);
    }
}
