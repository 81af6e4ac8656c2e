using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Identity;

namespace CallCenter.Host.Recording;

/// <summary>
/// Who may read a call and hear its recording: taxpayers' voices and numbers are confidential. Rights follow the call
/// (the agent who took it, a grader assigned to it), never the seat it was taken at.
/// </summary>
public static class CallAccess
{
    /// <summary>An agent reads only the calls they took (answered), wherever they sit now.</summary>
    public static bool TookCall(ClaimsPrincipal user, CallSnapshot call) =>
        call.Agent is { } agent && agent == user.Identity?.Name;

    /// <summary>Supervisors and administrators hear any call; a grader only a call they are assigned to evaluate; an agent only their own.</summary>
    public static async Task<bool> MayHear(ClaimsPrincipal user, CallSnapshot call, IGrainFactory grains) =>
        user.MaySupervise() || TookCall(user, call) || (user.IsInRole(Roles.Grader) && await AssignedToGrade(user, call.CallId, grains));

    /// <summary>
    /// The call if the user may read it. For anyone but supervisors an unknown call and someone else's call answer alike
    /// (null), so call ids cannot be probed.
    /// </summary>
    public static async Task<CallSnapshot?> Readable(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        try
        {
            var call = await grains.GetGrain<ICallGrain>(callId).Get();
            return await MayHear(user, call, grains) ? call : null;
        }
        catch (NotConfiguredException) when (!user.MaySupervise())
        {
            return null;
        }
    }

    /// <summary>The problem answered for a call the user may not read (or that does not exist).</summary>
    public static IResult Refused(string callId) =>
        TypedResults.Problem($"Call '{callId}' is not one you took or were assigned; only supervisors reach every call.", statusCode: 403);

    public static async Task<bool> AssignedToGrade(ClaimsPrincipal user, string callId, IGrainFactory grains)
    {
        try
        {
            await grains.GetGrain<IEvaluationGrain>($"{callId}.{user.Identity!.Name}").Get();
            return true;
        }
        catch (NotConfiguredException)
        {
            return false;
        }
    }
}
