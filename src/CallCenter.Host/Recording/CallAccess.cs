using System.Security.Claims;
using CallCenter.Grading;
using CallCenter.Host.Identity;

namespace CallCenter.Host.Recording;

/// <summary>Who may read a call and who may hear its recording: taxpayers' voices are confidential.</summary>
public static class CallAccess
{
    /// <summary>An agent reads only calls taken at a seat they are logged in at.</summary>
    public static async Task<bool> TookCall(ClaimsPrincipal user, CallSnapshot call, IGrainFactory grains)
    {
        foreach (var seatId in call.Timeline.Select(t => t.SeatId).OfType<string>().Distinct())
        {
            if ((await grains.GetGrain<ISeatGrain>(seatId).Get()).Agent == user.Identity?.Name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Supervisors and administrators hear any call; a grader only a call they are assigned to evaluate; an agent only their own.</summary>
    public static async Task<bool> MayHear(ClaimsPrincipal user, CallSnapshot call, IGrainFactory grains)
    {
        if (user.MaySupervise())
        {
            return true;
        }

        if (user.IsInRole(Roles.Grader))
        {
            try
            {
                await grains.GetGrain<IEvaluationGrain>($"{call.CallId}.{user.Identity!.Name}").Get();
                return true;
            }
            catch (NotConfiguredException)
            {
                return false;
            }
        }

        return await TookCall(user, call, grains);
    }
}
