using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Host.Identity;

public static class IdentitySetup
{
    public static void AddCallCenterIdentity(this IServiceCollection services, CallCenterSettings settings, IConfiguration configuration)
    {
        services.AddDbContext<IdentityStore>(o =>
        {
            if (settings.Mode == HostingMode.Cluster)
            {
                o.UseNpgsql(configuration.GetConnectionString("Postgres"));
            }
            else
            {
                Directory.CreateDirectory(settings.DataDir);
                o.UseSqlite($"Data Source={settings.SqlitePath}");
            }
        });
        services.AddDataProtection().SetApplicationName("CallCenter").PersistKeysToDbContext<IdentityStore>();
        services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityStore>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "callcenter";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
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
