using Microsoft.AspNetCore.Identity;

namespace CallCenter.Host.Identity;

/// <summary>
/// `users list | add NAME --roles Admin[,…] [--display-name …] [--department …] [--password …] | reset NAME [--password …]
/// | disable NAME | enable NAME`: the first administrator of a new cluster, and a way back in, without a running host.
/// It works on the identity tables directly, so it cannot end live sessions: a user it disables cannot sign in or
/// refresh a token again, and open cookies stop at their next security check; the API ends them at once.
/// </summary>
public static class UsersCommand
{
    public static async Task<int> Run(string[] args, IConfiguration configuration, CallCenterSettings settings, TextWriter output)
    {
        var words = Positional(args);
        if (words.Count == 0 || words[0] is not ("list" or "add" or "reset" or "disable" or "enable") || (words[0] != "list" && words.Count < 2))
        {
            await Console.Error.WriteLineAsync("usage: users list | add NAME --roles Admin[,Supervisor…] [--display-name …] [--department …] [--password …] | reset NAME [--password …] | disable NAME | enable NAME");
            return 2;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddDbContext<IdentityStore>(o => IdentitySetup.UseStore(o, settings, configuration));
        services.AddDataProtection();
        services.AddIdentityCore<IdentityUser>(o => o.Password.RequiredLength = 8).AddRoles<IdentityRole>().AddEntityFrameworkStores<IdentityStore>().AddDefaultTokenProviders();
        services.AddScoped<UserAdministration>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await IdentitySchema.Exclusively(store, async () =>
        {
            await IdentitySchema.CreateTablesIfMissing(store);
            await IdentityBootstrap.EnsureRoles(roles);
        });

        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        try
        {
            return await Act(words, configuration, admin, output);
        }
        catch (DomainValidationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> Act(List<string> words, IConfiguration options, UserAdministration admin, TextWriter output)
    {
        if (words[0] == "list")
        {
            foreach (var u in await admin.List())
            {
                await output.WriteLineAsync($"{u.UserName}\t{string.Join(',', u.Roles)}\t{(u.Disabled ? "disabled" : "enabled")}\t{u.DisplayName}\t{u.Department}\t{u.LastSignIn:yyyy-MM-dd HH:mm}");
            }

            return 0;
        }

        var name = words[1];
        if (words[0] == "add")
        {
            var roles = (options["roles"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.Length == 0 || roles.Any(r => !Roles.People.Contains(r)))
            {
                await Console.Error.WriteLineAsync($"--roles lists one or more of {string.Join(", ", Roles.People)}.");
                return 2;
            }

            var (user, password) = await admin.Create(name, options["display-name"], options["department"], roles, options["password"]);
            await output.WriteLineAsync($"User {user.UserName} ({string.Join(", ", user.Roles)}) created; password, to be changed at first sign-in: {password}");
            return 0;
        }

        if (await admin.User(name) is not { } target)
        {
            await Console.Error.WriteLineAsync($"There is no user '{name}'.");
            return 1;
        }

        switch (words[0])
        {
            case "reset":
                await output.WriteLineAsync($"Password of {name} reset, to be changed at next sign-in: {await admin.Reset(target, options["password"])}");
                break;
            case "disable":
                await admin.Disable(target);
                await output.WriteLineAsync($"{name} disabled.");
                break;
            default:
                await admin.Enable(target);
                await output.WriteLineAsync($"{name} enabled.");
                break;
        }

        return 0;
    }

    /// <summary>The words that are not options or an option's value ("--roles Admin" takes "Admin" with it).</summary>
    private static List<string> Positional(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += args[i].Contains('=') ? 0 : 1;
                continue;
            }

            words.Add(args[i]);
        }

        return words;
    }
}
