using CallCenter.Host.Hosting;
using CallCenter.WorkOrders;

namespace CallCenter.Host;

/// <summary>
/// The embedded demo's work-order departments, matching the duty rotation's: 纳税服务科 (liaison1, handler1) and
/// 征收管理科 (liaison2, handler2), head1 heading both. Departments already configured are left alone.
/// </summary>
public sealed class WorkOrderDemo(IGrainFactory grains, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WhenStarted(stoppingToken))
        {
            return;
        }

        var directory = grains.GetGrain<IWorkDirectoryGrain>(0);
        if ((await directory.List()).Count > 0)
        {
            return;
        }

        await directory.Put(new WorkDepartment("tax", "纳税服务科", "liaison1", "head1", "head1", ["handler1"]), "demo");
        await directory.Put(new WorkDepartment("levy", "征收管理科", "liaison2", "head1", "head1", ["handler2"]), "demo");
    }
}
