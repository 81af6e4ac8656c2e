using CallCenter.Host.Hosting;
using CallCenter.Monitoring;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>This host's observer on the wallboard: every batch goes to the supervisors connected to this host, each scope its share.</summary>
public sealed class MonitorRelay(IGrainFactory grains, IClusterMembershipService membership, IHubContext<MonitorHub, IMonitorClient> hub, MonitorScopes scopes, ILogger<MonitorRelay> logger)
    : HostObserver<IMonitorObserver>(grains, membership, logger), IMonitorObserver
{
    public Task OnBatch(MonitorBatch batch)
    {
        MonitorMetrics.Pushed(batch, DateTimeOffset.UtcNow);
        return Task.WhenAll(scopes.Active().Select(scope => hub.Clients.Group(scope.Group).Batch(scope.Filter(batch))));
    }

    protected override Task Subscribe(IMonitorObserver self) => Grains.GetGrain<IMonitorBoard>(0).Subscribe(self);

    protected override Task Unsubscribe(IMonitorObserver self) => Grains.GetGrain<IMonitorBoard>(0).Unsubscribe(self);
}
