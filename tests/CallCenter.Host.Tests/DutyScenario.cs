using System.Text.Json;

namespace CallCenter.Host.Tests;

/// <summary>
/// A published rotation whose one shift today is open for check-in right now (real time). On a day off, the host's
/// own calendar (a throwaway data dir) gets today as a make-up working day first, so the tests run on any day.
/// </summary>
public sealed record DutyScenario(string Rotation, DateOnly Today, string Template)
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public string ShiftPath => $"/api/v1/duty/shifts/{Rotation}/{Today:yyyy-MM-dd}/{Template}";

    public static DateTimeOffset LocalNow => DateTimeOffset.UtcNow.ToOffset(Beijing);

    public static async Task<DutyScenario> Publish(RunningHost host, string officer = "duty1")
    {
        var admin = await host.As("admin");
        var today = DateOnly.FromDateTime(LocalNow.DateTime);
        await MakeWorkingDay(admin, today);
        var rotation = "rot-" + Guid.NewGuid().ToString("N")[..6];
        var now = TimeOnly.FromDateTime(LocalNow.DateTime);
        var start = now < new TimeOnly(0, 5) ? TimeOnly.MinValue : now.AddMinutes(-5);
        var end = now > new TimeOnly(20, 0) ? new TimeOnly(23, 59, 59) : now.AddHours(3);
        string[] others = ["duty1", "duty2"];
        await admin.PutAsJsonAsync($"/api/v1/duty/rotations/{rotation}", new
        {
            name = "纳税服务带班",
            templates = new[] { new { id = "now", name = "当班", start = start.ToString("HH:mm:ss"), end = end.ToString("HH:mm:ss") } },
            departments = new object[]
            {
                new { id = "tax", name = "纳税服务科", head = "head1", officers = new[] { officer }.Concat(others.Where(o => o != officer)).ToArray() },
                new { id = "levy", name = "征收管理科", head = "head1", officers = new[] { "duty3" } },
            },
        }).Ok();
        var roster = await admin.PostAsJsonAsync($"/api/v1/duty/rotations/{rotation}/roster/generate", new { from = today, to = today }).Ok();
        Assert.Equal(officer, roster.GetProperty("shifts")[0].Str("officer"));
        await admin.PostAsync($"/api/v1/duty/rotations/{rotation}/roster/publish", null).Ok();
        return new DutyScenario(rotation, today, "now");
    }

    private static async Task MakeWorkingDay(HttpClient admin, DateOnly day)
    {
        var check = await admin.GetAsync($"/api/v1/calendar/days/{day:yyyy-MM-dd}").Ok();
        if (check.GetProperty("isWorkingDay").GetBoolean())
        {
            return;
        }

        var year = await admin.GetAsync($"/api/v1/calendar/years/{day.Year}").Ok();
        var holidays = year.GetProperty("holidays").EnumerateArray()
            .Where(h => !(DateOnly.Parse(h.Str("from")) <= day && day <= DateOnly.Parse(h.Str("to"))))
            .Select(h => JsonSerializer.Deserialize<object>(h.GetRawText()))
            .ToList();
        var makeUp = year.GetProperty("makeUpWorkdays").EnumerateArray().Select(d => d.GetString()!).ToList();
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            makeUp.Add(day.ToString("yyyy-MM-dd"));
        }

        await admin.PutAsJsonAsync($"/api/v1/calendar/years/{day.Year}", new { holidays, makeUpWorkdays = makeUp, source = "test: today is a working day" }).Ok();
    }
}
