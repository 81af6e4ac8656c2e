using CallCenter.Host.Identity;

namespace CallCenter.Host;

/// <summary>The working-day calendar (PRC holidays and 调休), region "CN".</summary>
public static class CalendarApi
{
    public const string Region = "CN";

    public sealed record YearRequest(List<Holiday>? Holidays, List<DateOnly>? MakeUpWorkdays, string? Source);

    public sealed record YearsView(IReadOnlyList<int> Years, IReadOnlyList<string> Warnings);

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

    /// <summary>The loaded years, warning when next year's arrangement is still missing.</summary>
    private static async Task<Ok<YearsView>> Years(IGrainFactory grains, CallCenterClock clock)
    {
        var years = await Calendar(grains).LoadedYears();
        var next = clock.Today.Year + 1;
        string[] warnings = years.Contains(clock.Today.Year) ? [] : [WorkingDayCalendar.MissingYear(clock.Today.Year)];
        if (!years.Contains(next))
        {
            warnings = [.. warnings, WorkingDayCalendar.MissingYear(next)];
        }

        return TypedResults.Ok(new YearsView(years, warnings));
    }

    private static async Task<Results<Ok<YearCalendar>, NotFound<string>>> GetYear(int year, IGrainFactory grains) =>
        await Calendar(grains).GetYear(year) is { } loaded
            ? TypedResults.Ok(loaded)
            : TypedResults.NotFound($"No arrangement is loaded for {year}.");

    private static async Task<Ok<YearCalendar>> PutYear(int year, YearRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await Calendar(grains).PutYear(new YearCalendar(year, request.Holidays!, request.MakeUpWorkdays!, request.Source)));

    private static async Task<Ok<WorkingDayResult>> Add(DateOnly from, int days, IGrainFactory grains) =>
        TypedResults.Ok(await Calendar(grains).AddWorkingDays(from, days));

    /// <summary>The deadline "the same working day" (workingDays=0) or N working days later, from an instant (default now).</summary>
    private static async Task<Ok<WorkingDeadline>> EndOfDay(DateTimeOffset? at, int? workingDays, IGrainFactory grains, CallCenterClock clock) =>
        TypedResults.Ok(await Calendar(grains).EndOfWorkingDay(at ?? clock.Now, workingDays ?? 0));

    private static ICalendarGrain Calendar(IGrainFactory grains) => grains.GetGrain<ICalendarGrain>(Region);
}
