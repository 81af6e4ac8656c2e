using CallCenter.Host.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host;

/// <summary>What a softswitch adapter receives: the platform's commands ("offer", "cancel-offer").</summary>
public interface ICtiAdapter
{
    Task Command(CtiCommand command);
}

/// <summary>
/// The outbound CTI channel at /hubs/cti. A softswitch adapter connects with its X-Api-Key and receives every
/// command the platform issues, whichever host issued it.
/// </summary>
[Authorize(Policy = Policies.Softswitch)]
public sealed class CtiHub : Hub<ICtiAdapter>;
