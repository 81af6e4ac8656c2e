using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CallCenter.Host;

/// <summary>
/// A private calendar address for one officer and one rotation, for calendar apps that subscribe by URL and cannot
/// sign in: the token is the officer's name and the rotation, signed and encrypted with the host's data-protection
/// keys (shared by every host through the database) and valid for a year. It shows only that officer's shifts.
/// </summary>
public static class DutyFeed
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public sealed record FeedLink(string Url, DateTimeOffset Expires);

    public static RouteGroupBuilder MapDutyFeed(this RouteGroupBuilder duty, RouteGroupBuilder open)
    {
        duty.MapGet("/rotations/{rotationId}/feed-link", Link);
        open.MapGet("/feed/{token}.ics", Feed).AllowAnonymous();
        return duty;
    }

    private static async Task<Ok<FeedLink>> Link(string rotationId, ClaimsPrincipal user, IGrainFactory grains, IDataProtectionProvider protection, CallCenterClock clock)
    {
        await DutyApi.Rotation(grains, rotationId).GetDefinition();
        var expires = clock.Now.Add(Lifetime);
        var token = Protector(protection).Protect($"{user.Identity!.Name}\n{rotationId}", expires);
        return TypedResults.Ok(new FeedLink($"/api/v1/duty/feed/{token}.ics", expires));
    }

    /// <summary>From thirty days ago to half a year ahead.</summary>
    private static async Task<IResult> Feed(string token, IGrainFactory grains, IDataProtectionProvider protection, CallCenterClock clock)
    {
        string payload;
        try
        {
            payload = Protector(protection).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return TypedResults.Problem("This calendar address is not valid or has expired: copy a new one from the duty page.", statusCode: 404);
        }

        var (officer, rotation) = (payload.Split('\n')[0], payload.Split('\n')[1]);
        return await RosterExport.Calendar(rotation, clock.Today.AddDays(-30), clock.Today.AddDays(180), officer, grains, clock);
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("CallCenter.Duty.CalendarFeed").ToTimeLimitedDataProtector();
}
