namespace CallCenter.Host.Tests;

/// <summary>The host's `users` command makes the first administrator of a new installation without a running host.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task The_first_administrator_made_by_the_command_signs_in_must_change_the_password_and_can_then_administer()
    {
        var dataDir = RunningHost.NewDataDir();
        var output = new StringWriter();
        Assert.Equal(0, await Commands.Users(["add", "chief", "--roles", "Admin", "--display-name", "张主任", $"--CallCenter:DataDir={dataDir}"], output));
        var password = output.ToString().Trim().Split(' ')[^1];
        Assert.Equal(2, await Commands.Users(["add", "x", "--roles", "Boss", $"--CallCenter:DataDir={dataDir}"], new StringWriter()));
        Assert.Equal(1, await Commands.Users(["reset", "nobody", $"--CallCenter:DataDir={dataDir}"], new StringWriter()));

        await using (var host = await RunningHost.Start(dataDir, "--CallCenter:Demo:SeedUsers=false"))
        {
            var chief = await host.As("chief", password);
            await chief.GetAsync("/api/v1/users").Expect(HttpStatusCode.Forbidden);
            await chief.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = password, newPassword = "Chief-pass-9" }).Expect(HttpStatusCode.NoContent);
            chief = await host.As("chief", "Chief-pass-9");
            var users = (await chief.GetAsync("/api/v1/users").Ok()).EnumerateArray().ToList();
            var me = Assert.Single(users);
            Assert.Equal(("chief", "张主任", "Admin"), (me.Str("userName"), me.Str("displayName"), me.GetProperty("roles")[0].GetString()));
        }

        var listing = new StringWriter();
        Assert.Equal(0, await Commands.Users(["list", $"--CallCenter:DataDir={dataDir}"], listing));
        Assert.StartsWith("chief\tAdmin\tenabled\t张主任", listing.ToString());
    }
}
