using CallCenter.Host.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>This host's observer on the CTI command bus: passes each command to the adapters connected here.</summary>
public sealed class CtiCommandRelay(IGrainFactory grains, IClusterMembershipService membership, IHubContext<CtiHub, ICtiAdapter> hub, ILogger<CtiCommandRelay> logger)
    : HostObserver<ICtiCommandObserver>(grains, membership, logger), ICtiCommandObserver
{
    public Task Deliver(CtiCommand command) => hub.Clients.All.Command(command);

    protected override Task Subscribe(ICtiCommandObserver self) => Grains.GetGrain<ICtiCommandBus>(0).Subscribe(self);

    protected override Task Unsubscribe(ICtiCommandObserver self) => Grains.GetGrain<ICtiCommandBus>(0).Unsubscribe(self);
}
