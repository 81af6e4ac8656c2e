using System.Security.Claims;
using CallCenter.Host.Hosting;
using CallCenter.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CallCenter.Host.Identity;

/// <summary>
/// Sign-in for scripts (bearer tokens with refresh) and pages (an HTTP-only cookie), sign-out, password change and
/// the user's own sessions. Every sign-in opens a session that ends at sign-out, on a password change, or when it expires.
/// </summary>
public static class AuthApi
{
    public const string RateLimit = "sign-in";

    public sealed record Credentials(string? UserName, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record Me(string UserName, string[] Roles, string? DisplayName, bool MustChangePassword);

    public sealed record TokenView(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken, DateTimeOffset RefreshExpires);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.WithTags("Identity");
        group.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(RateLimit);
        group.MapPost("/refresh", Refresh).AllowAnonymous().RequireRateLimiting(RateLimit);
        group.MapPost("/login", CookieLogin).AllowAnonymous().RequireRateLimiting(RateLimit);
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapPost("/password", ChangePassword).RequireAuthorization().RequireRateLimiting(RateLimit);
        group.MapGet("/sessions", (ClaimsPrincipal user, IGrainFactory grains) => Sessions.Of(grains, user.Identity!.Name!).List()).RequireAuthorization();
        group.MapDelete("/sessions", SignOutEverywhere).RequireAuthorization();
        group.MapGet("/me", (HttpContext http) => TypedResults.Ok(new Me(
            http.User.Identity!.Name!,
            Roles.People.Where(http.User.IsInRole).ToArray(),
            http.User.FindFirstValue(UserAdministration.DisplayName),
            http.User.HasClaim(UserAdministration.MustChangePassword, "true")))).RequireAuthorization();
        return group;
    }

    /// <summary>For scripts: a short-lived bearer token and a refresh token that POST /auth/refresh exchanges (once) for new ones.</summary>
    private static async Task<IResult> IssueToken(Credentials credentials, HttpContext http, SignInManager<IdentityUser> signIn, SignInThrottle throttle,
        IGrainFactory grains, IOptionsMonitor<BearerTokenOptions> bearer, CallCenterSettings settings, CallCenterClock clock, UserAdministration admin)
    {
        var (user, refusal) = await Verify(credentials, http, signIn, throttle);
        if (user is null)
        {
            return refusal is null ? TypedResults.Unauthorized() : Refused(http, refusal.Value);
        }

        await admin.SignedIn(user, clock.Now);
        var session = await Sessions.Of(grains, user.UserName!).Open("api", TimeSpan.FromHours(settings.Sessions.ApiSessionHours));
        return TypedResults.Ok(await Tokens(user, session, signIn, bearer, settings, clock));
    }

    /// <summary>Exchanges a refresh token for a new pair; a refresh token used twice ends its session for both holders.</summary>
    private static async Task<IResult> Refresh(RefreshRequest request, SignInManager<IdentityUser> signIn, IGrainFactory grains,
        IOptionsMonitor<BearerTokenOptions> bearer, CallCenterSettings settings, CallCenterClock clock)
    {
        var parts = (request.RefreshToken ?? "").Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length is 0 or > 200) || Decode(parts[0]) is not { } name)
        {
            return new Validation().Require("refreshToken", false, "'refreshToken' is the refreshToken of an earlier token answer.").Problem();
        }

        if (await Sessions.Of(grains, name).Refresh(parts[1], parts[2]) is not { } session
            || await signIn.UserManager.FindByNameAsync(name) is not { } user || !await signIn.CanSignInAsync(user) || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(await Tokens(user, session, signIn, bearer, settings, clock));
    }

    /// <summary>For the browser pages: an HTTP-only cookie for one session.</summary>
    private static async Task<IResult> CookieLogin(Credentials credentials, HttpContext http, SignInManager<IdentityUser> signIn, SignInThrottle throttle,
        IGrainFactory grains, CallCenterSettings settings, CallCenterClock clock, UserAdministration admin)
    {
        var (user, refusal) = await Verify(credentials, http, signIn, throttle);
        if (user is null)
        {
            return refusal is null ? TypedResults.Unauthorized() : Refused(http, refusal.Value);
        }

        await admin.SignedIn(user, clock.Now);
        var session = await Sessions.Of(grains, user.UserName!).Open("browser", TimeSpan.FromHours(settings.Sessions.BrowserSessionHours));
        await http.SignInAsync(IdentityConstants.ApplicationScheme, await Sessions.Principal(signIn, user, session.SessionId),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = session.Expires });
        return TypedResults.NoContent();
    }

    /// <summary>Ends this session: its cookie and every token issued for it stop working on every host.</summary>
    private static async Task<NoContent> Logout(HttpContext http, IGrainFactory grains)
    {
        if (http.User.Id() is { } sid)
        {
            await Sessions.Of(grains, http.User.Identity!.Name!).Revoke(sid);
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<int>> SignOutEverywhere(HttpContext http, IGrainFactory grains, CallCenterClock clock)
    {
        var ended = await Sessions.Of(grains, http.User.Identity!.Name!).RevokeAll(null);
        await Reporting.Audit.Record(grains, clock, http.User.Identity!.Name!, "sessions-revoke", $"user:{http.User.Identity!.Name}", $"{ended} sessions");
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.Ok(ended);
    }

    /// <summary>Changes the caller's own password; every session of theirs (this one too) ends, so they sign in again.</summary>
    private static async Task<IResult> ChangePassword(PasswordChange request, HttpContext http, UserManager<IdentityUser> users, UserAdministration admin, IGrainFactory grains, CallCenterClock clock)
    {
        var check = new Validation()
            .Require("currentPassword", !string.IsNullOrEmpty(request.CurrentPassword) && request.CurrentPassword.Length <= 256, "The current password is required.")
            .Require("newPassword", !string.IsNullOrEmpty(request.NewPassword) && request.NewPassword.Length <= 256, "A new password (at most 256 characters) is required.");
        if (!check.IsValid || await users.GetUserAsync(http.User) is not { } user)
        {
            return check.Problem();
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                check.Require(error.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", false, error.Description);
            }

            return check.Problem();
        }

        await admin.PasswordChanged(user);
        await Sessions.Of(grains, user.UserName!).RevokeAll(null);
        await Reporting.Audit.Record(grains, clock, user.UserName!, "password-change", $"user:{user.UserName}", "every session ended");
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>Why a sign-in was not even checked: this address failed too often, or too many checks are waiting.</summary>
    private enum Refusal
    {
        Throttled,
        Busy,
    }

    /// <summary>
    /// The user if the credentials are right; on failure null, with the refusal when the password was not checked
    /// (429) rather than wrong (401). A failed answer is held back as long as the throttle says.
    /// </summary>
    private static async Task<(IdentityUser? User, Refusal? Refusal)> Verify(Credentials credentials, HttpContext http, SignInManager<IdentityUser> signIn, SignInThrottle throttle)
    {
        var check = new Validation()
            .Require("userName", !string.IsNullOrWhiteSpace(credentials.UserName) && credentials.UserName.Length <= 256, "A user name (at most 256 characters) is required.")
            .Require("password", !string.IsNullOrEmpty(credentials.Password) && credentials.Password.Length <= 256, "A password (at most 256 characters) is required.");
        if (!check.IsValid)
        {
            throw new DomainValidationException(credentials.UserName is null or "" ? "userName" : "password", "A user name and a password of at most 256 characters are required.");
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Blocked(address))
        {
            return (null, Refusal.Throttled);
        }

        var outcome = await throttle.Check(async () =>
        {
            var user = await signIn.UserManager.FindByNameAsync(credentials.UserName!);
            if (user is null)
            {
                throttle.Decoy(signIn.UserManager.PasswordHasher, credentials.Password!);
                return new Outcome(null);
            }

            return new Outcome((await signIn.CheckPasswordSignInAsync(user, credentials.Password!, lockoutOnFailure: false)).Succeeded ? user : null);
        });
        if (outcome is null)
        {
            return (null, Refusal.Busy);
        }

        if (outcome.User is null)
        {
            await Task.Delay(throttle.Failed(address, credentials.UserName!));
            return (null, null);
        }

        throttle.Succeeded(credentials.UserName!);
        return (outcome.User, null);
    }

    private static IResult Refused(HttpContext http, Refusal refusal)
    {
        http.Response.Headers.RetryAfter = refusal == Refusal.Busy ? "5" : "60";
        return TypedResults.Problem(
            refusal == Refusal.Busy ? "Many people are signing in right now; try again in a few seconds." : "Too many failed sign-ins from this address; wait a while and try again.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static async Task<TokenView> Tokens(IdentityUser user, SessionGrant session, SignInManager<IdentityUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, CallCenterSettings settings, CallCenterClock clock)
    {
        var lifetime = TimeSpan.FromMinutes(settings.Sessions.AccessTokenMinutes);
        var principal = await Sessions.Principal(signIn, user, session.SessionId);
        var access = Sessions.AccessToken(principal, bearer.Get(IdentityConstants.BearerScheme), clock.Now + lifetime);
        return new TokenView("Bearer", access, (long)lifetime.TotalSeconds, $"{Encode(user.UserName!)}.{session.SessionId}.{session.RefreshSecret}", session.Expires);
    }

    private static string Encode(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var length) && System.Text.Encoding.UTF8.GetString(bytes, 0, length) is { Length: > 0 and <= 256 } name && InputRules.TextProblem(name) is null ? name : null;
    }

    private sealed record Outcome(IdentityUser? User);
}
