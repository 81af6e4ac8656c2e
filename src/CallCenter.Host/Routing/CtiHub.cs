using CallCenter.Host.Hosting;
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
/// The CTI channel at /hubs/cti. A softswitch adapter connects with its X-Api-Key and receives every command the
/// platform issues, whichever host issued it; over the same connection it may report its call events instead of posting
/// each one (the same checks and the same order as the <c>/api/v1/cti</c> endpoints; each method answers with the
/// call's state, or fails with the reason).
/// </summary>
[Authorize(Policy = Policies.Softswitch)]
public sealed class CtiHub(CtiFlow cti) : Hub<ICtiAdapter>
{
    public Task<string> CallArrived(CtiApi.NewCallRequest call) => Answer(CtiApi.ApplyArrived(cti, call ?? new(null, null, null, null)));

    public Task<string> CallAnswered(string callId, string seatId) => Answer(CtiApi.ApplyAnswered(cti, callId, seatId));

    public Task<string> CallHeld(string callId) => Answer(CtiApi.ApplyEvent(cti, callId, "held"));

    public Task<string> CallRetrieved(string callId) => Answer(CtiApi.ApplyEvent(cti, callId, "retrieved"));

    public Task<string> CallEnded(string callId) => Answer(CtiApi.ApplyEvent(cti, callId, "ended"));

    public Task<string> CallAbandoned(string callId) => Answer(CtiApi.ApplyEvent(cti, callId, "abandoned"));

    public Task<string> CallbackRequested(string callId) => Answer(CtiApi.ApplyEvent(cti, callId, "callback"));

    private static async Task<string> Answer(Task<(Validation Check, CallSnapshot? Call)> applying)
    {
        try
        {
            var (check, call) = await applying;
            return call?.State.ToString() ?? throw new HubException(check.Summary());
        }
        catch (Exception e) when (e is IllegalTransitionException or NotConfiguredException or DomainValidationException or RuleViolationException)
        {
            throw new HubException(e.Message);
        }
    }
}
