using System.Security.Claims;
using CallCenter.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// Every sign-in is a session of its user (<see cref="IUserSessionsGrain"/>) whose id travels in the cookie or token
/// as the "sid" claim; a request whose session has ended is treated as anonymous, so logging out, changing the
/// password or an administrator's revocation stops copied cookies and tokens at once, on every host.
/// </summary>
public static class Sessions
{
    public const string Claim = "sid";

    public static IUserSessionsGrain Of(IGrainFactory grains, string userName) => grains.GetGrain<IUserSessionsGrain>(userName);

    public static string? Id(this ClaimsPrincipal user) => user.FindFirstValue(Claim);

    /// <summary>The user's claims (name, roles, security stamp) with the session's id added.</summary>
    public static async Task<ClaimsPrincipal> Principal(SignInManager<IdentityUser> signIn, IdentityUser user, string sessionId)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Claim, sessionId));
        return principal;
    }

    /// <summary>An access token for a session, protected like the ones ASP.NET Core's bearer handler reads.</summary>
    public static string AccessToken(ClaimsPrincipal principal, BearerTokenOptions bearer, DateTimeOffset expires) =>
        bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme));

    /// <summary>Whether the user's sign-in <paramref name="sessionId"/> is still live; a principal without one never is.</summary>
    public static async Task<bool> IsLive(IGrainFactory grains, string userName, string? sessionId) =>
        sessionId is not null && await Of(grains, userName).IsLive(sessionId);

    /// <summary>Treats a request whose session is over as anonymous (and drops its cookie).</summary>
    public static IApplicationBuilder UseLiveSessionsOnly(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { } name }
            && !await IsLive(http.RequestServices.GetRequiredService<IGrainFactory>(), name, http.User.Id()))
        {
            http.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (http.Request.Cookies.ContainsKey(IdentitySetup.CookieName))
            {
                http.Response.Cookies.Delete(IdentitySetup.CookieName);
            }
        }

        await next(http);
    });

    /// <summary>
    /// A user whose password was set by an administrator may only change it (and see who they are, or sign out) until
    /// they do: every other API, hub and stream call answers 403 with the code <c>password-change-required</c>.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeFirst(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (http.User.HasClaim(UserAdministration.MustChangePassword, "true")
            && (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/streams"))
            && !path.StartsWithSegments("/api/v1/auth/password") && !path.StartsWithSegments("/api/v1/auth/me") && !path.StartsWithSegments("/api/v1/auth/logout"))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.Response.WriteAsJsonAsync(
                new { title = "Change your password first: an administrator set it.", status = 403, code = "password-change-required" },
                (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
            return;
        }

        await next(http);
    });
}
