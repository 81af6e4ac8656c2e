using CallCenter.Duty;
using CallCenter.Host.Hosting;

namespace CallCenter.Host;

/// <summary>
/// The embedded demo's duty rotation "main" (two departments, the demo officers duty1–3, head1 as head): a demo
/// rotation, so it has shifts every day the demo runs, weekends and holidays included (each marked as a demo shift),
/// and duty check-in can be tried on a Saturday. Every six hours the published roster is extended to cover the next
/// two weeks; days already published are never generated again. A rotation "main" that is not the demo's own is left alone.
/// </summary>
public sealed class DutyDemo(IGrainFactory grains, CallCenterClock clock, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DutyDemo> logger) : BackgroundService
{
    public const string Rotation = "main";

    private const string DemoName = "纳税服务带班";
    private const int CoveredDays = 14;

    private static readonly RotationDefinition Definition = new(DemoName, ShiftTemplate.HalfDays,
    [
        new DutyDepartment("tax", "纳税服务科", "head1", ["duty1", "duty2"]),
        new DutyDepartment("levy", "征收管理科", "head1", ["duty3"]),
    ], new DutyRules(), Demo: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await KeepCovered();
            }
            catch (Exception e) when (e is DomainValidationException or RuleViolationException or OrleansException or TimeoutException)
            {
                logger.LogWarning("Demo duty rotation not extended: {Reason}", e.Message);
            }

            await Task.Delay(TimeSpan.FromHours(6), time, stoppingToken);
        }
    }

    private async Task KeepCovered()
    {
        var rotation = grains.GetGrain<IRotationGrain>(Rotation);
        RotationDefinition? current = null;
        try
        {
            current = await rotation.GetDefinition();
        }
        catch (NotConfiguredException)
        {
        }

        if (current is { Demo: false } && current.Name != DemoName)
        {
            return;
        }

        if (current is not { Demo: true })
        {
            await rotation.Define(Definition, "demo"); // the demo's own rotation, from a release without demo shifts too
        }

        var today = clock.Today;
        var until = today.AddDays(CoveredDays);
        var published = await rotation.GetRoster(today, until, draft: false);
        var from = published.Shifts.Count == 0 ? today : published.Shifts.Max(s => s.Date).AddDays(1);
        if (from > until)
        {
            return;
        }

        await rotation.Generate(from, until, "demo");
        var roster = await rotation.Publish("demo");
        logger.LogInformation("Demo duty rotation '{Rotation}' published with {Shifts} shifts from {From} to {To}", Rotation, roster.Shifts.Count, from, until);
    }
}
