using CallCenter.Host.Hosting;
using System.Security.Claims;
using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>The working-day calendar (PRC holidays and 调休), region "CN".</summary>
public static class CalendarApi
{
    public const string Region = "CN";

    public sealed record YearRequest(List<Holiday>? Holidays, List<DateOnly>? MakeUpWorkdays, string? Source);

    /// <summary>A year as deadlines count it: the official arrangement, or (not loaded) the statutory holidays only.</summary>
    public sealed record YearStatus(int Year, bool Official, string? Source, IReadOnlyList<Holiday> Holidays, IReadOnlyList<DateOnly> MakeUpWorkdays);

    public sealed record YearsView(IReadOnlyList<int> Years, IReadOnlyList<string> Warnings, IReadOnlyList<YearStatus> Statuses);

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder group)
    {
        group.WithTags("Calendar").RequireAuthorization();
        group.MapGet("/years", Years);
        group.MapGet("/years/{year:int}", GetYear);
        group.MapPut("/years/{year:int}", PutYear).RequireAuthorization(Policies.Administration);
        group.MapGet("/days/{date}", (DateOnly date, IGrainFactory grains) => Calendar(grains).Check(date));
        group.MapGet("/add", Add);
        group.MapGet("/end-of-day", EndOfDay);
        return group;
    }

    /// <summary>
    /// The loaded years, and the status of each year from the first loaded to next year: official, or provisional
    /// (statutory holidays only) with a warning for this year and next.
    /// </summary>
    private static async Task<Ok<YearsView>> Years(IGrainFactory grains, CallCenterClock clock)
    {
        var calendar = Calendar(grains);
        var years = await calendar.LoadedYears();
        var next = clock.Today.Year + 1;
        string[] warnings = [.. new[] { clock.Today.Year, next }.Where(y => !years.Contains(y)).Select(WorkingDayCalendar.MissingYear)];
        var statuses = new List<YearStatus>();
        foreach (var year in years.Append(clock.Today.Year).Append(next).Distinct().Order())
        {
            statuses.Add(await calendar.GetYear(year) is { } loaded
                ? new YearStatus(year, true, loaded.Source, loaded.Holidays, loaded.MakeUpWorkdays)
                : new YearStatus(year, false, null, StatutoryHolidays.For(year), []));
        }

        return TypedResults.Ok(new YearsView(years, warnings, statuses));
    }

    private static async Task<Results<Ok<YearCalendar>, NotFound<string>>> GetYear(int year, IGrainFactory grains) =>
        await Calendar(grains).GetYear(year) is { } loaded
            ? TypedResults.Ok(loaded)
            : TypedResults.NotFound($"No arrangement is loaded for {year}.");

    private static async Task<Results<Ok<YearCalendar>, ValidationProblem>> PutYear(int year, YearRequest request, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Require("year", year is >= 2000 and <= 2199, "'year' is between 2000 and 2199.")
            .Text("source", request.Source, 500, required: false)
            .Require("holidays", request.Holidays is { Count: <= 100 }, "'holidays' lists at most 100 holidays.")
            .Require("makeUpWorkdays", request.MakeUpWorkdays is null or { Count: <= 50 }, "'makeUpWorkdays' lists at most 50 days.");
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var loaded = await Calendar(grains).PutYear(new YearCalendar(year, request.Holidays!, request.MakeUpWorkdays ?? [], Validation.Trimmed(request.Source)));
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "calendar-year", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{loaded.Holidays.Count} holidays; {loaded.MakeUpWorkdays.Count} make-up working days; source={loaded.Source ?? "-"}");
        return TypedResults.Ok(loaded);
    }

    private static async Task<Ok<WorkingDayResult>> Add(DateOnly from, int days, IGrainFactory grains) =>
        TypedResults.Ok(await Calendar(grains).AddWorkingDays(from, days));

    /// <summary>The deadline "the same working day" (workingDays=0) or N working days later, from an instant (default now).</summary>
    private static async Task<Ok<WorkingDeadline>> EndOfDay(DateTimeOffset? at, int? workingDays, IGrainFactory grains, CallCenterClock clock) =>
        TypedResults.Ok(await Calendar(grains).EndOfWorkingDay(at ?? clock.Now, workingDays ?? 0));

    private static ICalendarGrain Calendar(IGrainFactory grains) => grains.GetGrain<ICalendarGrain>(Region);
}
