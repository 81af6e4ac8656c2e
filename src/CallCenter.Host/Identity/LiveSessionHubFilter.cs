using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Host.Identity;

/// <summary>
/// A hub connection outlives the request that opened it: before each hub method runs, the caller's session must
/// still be live, or the connection is closed (sign-in again). The softswitch (API key) has no session.
/// </summary>
public sealed class LiveSessionHubFilter(IGrainFactory grains) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var user = invocation.Context.User;
        if (user?.Identity?.Name is { } name && user.Id() is { } sid && !await Sessions.Of(grains, name).IsLive(sid))
        {
            invocation.Context.Abort();
            throw new HubException("Your session has ended: sign in again.");
        }

        return await next(invocation);
    }
}
