using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Host.Identity;

public static class IdentitySetup
{
    public const string CookieName = "callcenter";

    /// <summary>The identity tables: the cluster's PostgreSQL, or the embedded data directory's SQLite file.</summary>
    public static void UseStore(DbContextOptionsBuilder options, CallCenterSettings settings, IConfiguration configuration)
    {
        if (settings.Mode == HostingMode.Cluster)
        {
            options.UseNpgsql(configuration.GetConnectionString("Postgres"));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDir);
            options.UseSqlite($"Data Source={settings.SqlitePath}");
        }
    }

    public static void AddCallCenterIdentity(this IServiceCollection services, CallCenterSettings settings, IConfiguration configuration)
    {
        services.AddDbContext<IdentityStore>(o => UseStore(o, settings, configuration));
        services.AddDataProtection().SetApplicationName("CallCenter").PersistKeysToDbContext<IdentityStore>();
        services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>();
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromMinutes(settings.Sessions.AccessTokenMinutes));
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = c =>
        {
            // The periodic re-check rebuilds the principal from the store; the session it belongs to stays the same.
            if (c.CurrentPrincipal?.Id() is { } sid && c.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaim(new System.Security.Claims.Claim(Sessions.Claim, sid));
            }

            return Task.CompletedTask;
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<UserAdministration>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = settings.Sessions.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(settings.Sessions.BrowserSessionHours);
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = c => Deny(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Deny(c, StatusCodes.Status403Forbidden);
        });
        services.AddSingleton(CtiKey.From(settings.Cti));
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(Policies.Add);
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
