using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Identity;

namespace CallCenter.Host.Recording;

/// <summary>
/// Who may reach a call: taxpayers' voices and numbers are confidential. Rights follow the call (the agent who took
/// it, a grader assigned to it), never the seat it was taken at; supervisors and administrators reach every call.
/// </summary>
public static class CallAccess
{
    /// <summary>What the user wants to do with the call, each with its own people besides supervisors.</summary>
    public enum Use
    {
        /// <summary>Read it and hear its recording: the agent who took it, or a grader assigned to it.</summary>
        Hear,

        /// <summary>Open a work order on it (it copies the caller's number): only the agent who took it.</summary>
        OpenOrder,

        /// <summary>Mark its answers for correction: only a grader assigned to it.</summary>
        Mark,
    }

    /// <summary>An agent reads only the calls they took (answered), wherever they sit now.</summary>
    public static bool TookCall(ClaimsPrincipal user, CallSnapshot call) =>
        call.Agent is { } agent && agent == user.Identity?.Name;

    /// <summary>
    /// The call if the user may use it so. For anyone but supervisors an unknown call and someone else's call answer
    /// alike (null), so call ids cannot be probed.
    /// </summary>
    public static async Task<CallSnapshot?> Reachable(string callId, ClaimsPrincipal user, IGrainFactory grains, Use use = Use.Hear)
    {
        try
        {
            var call = await grains.GetGrain<ICallGrain>(callId).Get();
            var allowed = user.MaySupervise() || use switch
            {
                Use.Hear => TookCall(user, call) || (user.IsInRole(Roles.Grader) && await Assignment(user, callId, grains) is not null),
                Use.OpenOrder => TookCall(user, call),
                Use.Mark => await Assignment(user, callId, grains) is not null,
                _ => false,
            };
            return allowed ? call : null;
        }
        catch (NotConfiguredException) when (!user.MaySupervise())
        {
            return null;
        }
    }

    /// <summary>The problem answered for a call the user may not reach (or that does not exist).</summary>
    public static IResult Refused(string callId) =>
        TypedResults.Problem($"Call '{callId}' is not one you took or were assigned; only supervisors reach every call.", statusCode: 403);

    /// <summary>The user's evaluation of the call — what sampling, calibration or a supervisor assigned them — or null.</summary>
    public static async Task<EvaluationView?> Assignment(ClaimsPrincipal user, string callId, IGrainFactory grains)
    {
        try
        {
            return await grains.GetGrain<IEvaluationGrain>($"{callId}.{user.Identity!.Name}").Get();
        }
        catch (NotConfiguredException)
        {
            return null;
        }
    }
}
