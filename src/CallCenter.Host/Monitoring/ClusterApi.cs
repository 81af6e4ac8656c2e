using CallCenter.Host.Identity;
using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// The cluster as an operator sees it: each silo and its status as membership has it, and which silo holds each of
/// the one-per-cluster grains every host follows (the board, the CTI command bus, the work-order feed).
/// </summary>
public static class ClusterApi
{
    public sealed record SiloView(string Address, string Name, string Status, bool ThisHost);

    public sealed record ClusterView(IReadOnlyList<SiloView> Silos, IReadOnlyDictionary<string, string?> HeldBy);

    public static RouteGroupBuilder MapClusterApi(this RouteGroupBuilder group)
    {
        group.WithTags("Cluster").RequireAuthorization(Policies.Administration);
        group.MapGet("/", Get);
        return group;
    }

    private static async Task<Ok<ClusterView>> Get(IGrainFactory grains, IClusterMembershipService membership, ILocalSiloDetails self)
    {
        var silos = membership.CurrentSnapshot.Members.Values
            .OrderBy(m => m.SiloAddress.ToString())
            .Select(m => new SiloView(m.SiloAddress.ToString(), m.Name, m.Status.ToString(), m.SiloAddress.Equals(self.SiloAddress)))
            .ToList();
        var management = grains.GetGrain<IManagementGrain>(0);
        var heldBy = new Dictionary<string, string?>
        {
            ["monitor-board"] = (await management.GetActivationAddress(grains.GetGrain<IMonitorBoard>(0)))?.ToString(),
            ["cti-command-bus"] = (await management.GetActivationAddress(grains.GetGrain<ICtiCommandBus>(0)))?.ToString(),
            ["work-order-feed"] = (await management.GetActivationAddress(grains.GetGrain<CallCenter.WorkOrders.IWorkOrderFeedGrain>(0)))?.ToString(),
        };
        return TypedResults.Ok(new ClusterView(silos, heldBy));
    }
}
