using System.Security.Claims;
using System.Security.Cryptography;
using CallCenter.Host.Hosting;
using CallCenter.Host.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace CallCenter.Host;

/// <summary>
/// A private calendar address for one officer and one rotation, for calendar apps that subscribe by URL and cannot
/// sign in. The token names the officer, the rotation and a calendar session of the officer's, signed and encrypted
/// with the data-protection keys every host shares; it shows only that officer's shifts, lives
/// CallCenter:Sessions:CalendarLinkDays (90 days), and stops at once when its owner or an administrator revokes it
/// (or the owner's password changes).
/// </summary>
public static class DutyFeed
{
    public sealed record FeedLink(string Url, DateTimeOffset Expires);

    public static RouteGroupBuilder MapDutyFeed(this RouteGroupBuilder duty, RouteGroupBuilder open)
    {
        duty.MapGet("/rotations/{rotationId}/feed-link", Link);
        duty.MapDelete("/rotations/{rotationId}/feed-link", Revoke);
        open.MapGet("/feed/{token}.ics", Feed).AllowAnonymous();
        return duty;
    }

    /// <summary>The officer's address for this rotation: the same one while it lives, a new one after a revocation.</summary>
    private static async Task<Ok<FeedLink>> Link(string rotationId, ClaimsPrincipal user, IGrainFactory grains, IDataProtectionProvider protection, CallCenterSettings settings)
    {
        await DutyApi.Rotation(grains, rotationId).GetDefinition();
        var officer = user.Identity!.Name!;
        var sessions = Sessions.Of(grains, officer);
        var kind = Kind(rotationId);
        var (sessionId, expires) = (await sessions.List()).FirstOrDefault(s => s.Kind == kind) is { } live
            ? (live.SessionId, live.Expires)
            : await Open(sessions, kind, TimeSpan.FromDays(settings.Sessions.CalendarLinkDays));
        var token = Protector(protection).Protect($"{officer}\n{rotationId}\n{sessionId}", expires);
        return TypedResults.Ok(new FeedLink($"/api/v1/duty/feed/{token}.ics", expires));
    }

    /// <summary>Ends the caller's address for this rotation; an administrator may end another officer's (?officer=).</summary>
    private static async Task<IResult> Revoke(string rotationId, string? officer, ClaimsPrincipal user, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation().Id("rotationId", rotationId);
        if (officer is not null)
        {
            check.Id("officer", officer);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var owner = officer ?? user.Identity!.Name!;
        if (owner != user.Identity!.Name && !user.IsInRole(Roles.Admin))
        {
            return TypedResults.Problem("Only the officer or an administrator may revoke a calendar address.", statusCode: 403);
        }

        var ended = await Sessions.Of(grains, owner).RevokeAll(Kind(rotationId));
        await Reporting.Audit.Record(grains, clock, user.Identity!.Name!, "calendar-link-revoke", $"rotation:{rotationId}", $"officer={owner}; {ended} addresses");
        return TypedResults.NoContent();
    }

    /// <summary>From thirty days ago to half a year ahead.</summary>
    private static async Task<IResult> Feed(string token, IGrainFactory grains, IDataProtectionProvider protection, CallCenterClock clock)
    {
        string[] payload;
        try
        {
            payload = Protector(protection).Unprotect(token).Split('\n');
        }
        catch (CryptographicException)
        {
            return Gone();
        }

        if (payload is not [var officer, var rotation, var sessionId] || !await Sessions.Of(grains, officer).IsLive(sessionId))
        {
            return Gone();
        }

        return await RosterExport.Calendar(rotation, clock.Today.AddDays(-30), clock.Today.AddDays(180), officer, grains, clock);
    }

    private static async Task<(string SessionId, DateTimeOffset Expires)> Open(CallCenter.Identity.IUserSessionsGrain sessions, string kind, TimeSpan lifetime)
    {
        var opened = await sessions.Open(kind, lifetime);
        return (opened.SessionId, opened.Expires);
    }

    private static IResult Gone() =>
        TypedResults.Problem("This calendar address is not valid, has expired or was revoked: copy a new one from the duty page.", statusCode: 404);

    private static string Kind(string rotationId) => $"calendar:{rotationId}";

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("CallCenter.Duty.CalendarFeed").ToTimeLimitedDataProtector();
}
