using CallCenter.Host.Hosting;
using CallCenter.Calendar;
using CallCenter.Duty;

namespace CallCenter.Host;

/// <summary>
/// The embedded demo's duty rotation "main" (two departments, the demo officers duty1–3, head1 as head), published
/// from today for six weeks (within the loaded calendar years) so the duty page and the wallboard panel have shifts.
/// An existing rotation is left alone.
/// </summary>
public sealed class DutyDemo(IGrainFactory grains, CallCenterClock clock, IHostApplicationLifetime lifetime, ILogger<DutyDemo> logger) : BackgroundService
{
    public const string Rotation = "main";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        var rotation = grains.GetGrain<IRotationGrain>(Rotation);
        try
        {
            await rotation.GetDefinition();
            return;
        }
        catch (NotConfiguredException)
        {
        }

        try
        {
            await rotation.Define(new RotationDefinition("纳税服务带班", ShiftTemplate.HalfDays,
            [
                new DutyDepartment("tax", "纳税服务科", "head1", ["duty1", "duty2"]),
                new DutyDepartment("levy", "征收管理科", "head1", ["duty3"]),
            ], new DutyRules()), "demo");
            var loaded = await grains.GetGrain<ICalendarGrain>(CalendarApi.Region).LoadedYears();
            if (loaded.Count == 0)
            {
                logger.LogWarning("Demo duty rotation not published: no calendar year is loaded");
                return;
            }

            var lastLoaded = loaded.Max();
            var to = clock.Today.AddDays(42);
            to = to.Year > lastLoaded ? new DateOnly(lastLoaded, 12, 31) : to;
            if (to >= clock.Today)
            {
                await rotation.Generate(clock.Today, to, "demo");
                var published = await rotation.Publish("demo");
                logger.LogInformation("Demo duty rotation '{Rotation}' published with {Shifts} shifts until {To}", Rotation, published.Shifts.Count, to);
            }
        }
        catch (Exception e) when (e is DomainValidationException or RuleViolationException)
        {
            logger.LogWarning("Demo duty rotation not published: {Reason}", e.Message);
        }
    }
}
