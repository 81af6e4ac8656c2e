using CallCenter.Host.Hosting;
using CallCenter.Monitoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CallCenter.Host;

/// <summary>
/// This host's observer on the wallboard: every batch, back in version order, goes to the supervisors connected to
/// this host, hub connections and wall streams (<see cref="WallStreams"/>) alike, each scope its share of what changed
/// (<see cref="WallDeltas"/>), written once per scope and protocol.
/// </summary>
public sealed class MonitorRelay : HostObserver<IMonitorObserver>, IMonitorObserver
{
    private readonly MonitorBatchOrder order;

    public MonitorRelay(IGrainFactory grains, IClusterMembershipService membership, IHubContext<MonitorHub, IMonitorClient> hub, MonitorScopes scopes, WallStreams streams,
        IOptions<JsonHubProtocolOptions> json, TimeProvider time, ILogger<MonitorRelay> logger)
        : base(grains, membership, logger)
    {
        var deltas = new WallDeltas(json.Value.PayloadSerializerOptions);
        order = new MonitorBatchOrder(time, MonitorBatchOrder.DefaultWindow, batch =>
        {
            MonitorMetrics.Pushed(batch, DateTimeOffset.UtcNow);
            return Task.WhenAll(deltas.Next(batch, scopes.Active()).SelectMany(next =>
                new[] { streams.Send(next.Scope, next.Batch), hub.Clients.Group(next.Scope.Group).Batch(next.Batch) }));
        }, logger);
    }

    public Task OnBatch(MonitorBatch batch)
    {
        order.Accept(batch);
        return Task.CompletedTask;
    }

    protected override Task Subscribe(IMonitorObserver self) => Grains.GetGrain<IMonitorBoard>(0).Subscribe(self);

    protected override Task Unsubscribe(IMonitorObserver self) => Grains.GetGrain<IMonitorBoard>(0).Unsubscribe(self);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await order.DisposeAsync();
    }
}
