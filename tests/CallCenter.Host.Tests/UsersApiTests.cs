namespace CallCenter.Host.Tests;

/// <summary>
/// Administrators manage users: a new user must change the password before anything else; disabling, a role change
/// and a reset end the user's sessions at once; every action is audited; only administrators may do it.
/// </summary>
public sealed class UsersApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_created_user_changes_the_password_first_and_a_disabled_one_is_stopped_at_once()
    {
        var admin = await Host.As("admin");
        var name = "u" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "李华", department = "纳税服务科", roles = new[] { "Agent" } })
            .Expect(HttpStatusCode.Created);
        var temporary = created.Str("temporaryPassword");
        Assert.Equal(("李华", "纳税服务科", "True"), (created.GetProperty("user").Str("displayName"), created.GetProperty("user").Str("department"), created.GetProperty("user").Str("mustChangePassword")));

        // Until the password is changed only /auth/me, /auth/password and /auth/logout answer.
        var user = await Host.As(name, temporary);
        var me = await user.GetAsync("/api/v1/auth/me").Ok();
        Assert.Equal(("True", "李华"), (me.Str("mustChangePassword"), me.Str("displayName")));
        var blocked = await user.GetAsync("/api/v1/call-records").Expect(HttpStatusCode.Forbidden);
        Assert.Equal("password-change-required", blocked.Str("code"));
        await user.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = temporary, newPassword = "New-pass-22" }).Expect(HttpStatusCode.NoContent);
        user = await Host.As(name, "New-pass-22");
        Assert.Equal("False", (await user.GetAsync("/api/v1/auth/me").Ok()).Str("mustChangePassword"));
        await user.GetAsync("/api/v1/call-records").Ok();
        var listed = (await admin.GetAsync("/api/v1/users").Ok()).EnumerateArray().Single(u => u.Str("userName") == name);
        Assert.NotEqual("", listed.Str("lastSignIn"));

        // Disabled: the open session stops at once and signing in is refused; enabled again, it works.
        await admin.PostAsync($"/api/v1/users/{name}/disable", null).Ok();
        await user.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        var refused = await Host.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "New-pass-22" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await admin.PostAsync($"/api/v1/users/{name}/enable", null).Ok();
        user = await Host.As(name, "New-pass-22");

        // A role change ends the sessions (the new roles come with the next sign-in); a reset forces a change again.
        await admin.PutAsJsonAsync($"/api/v1/users/{name}/roles", new { roles = new[] { "Agent", "Grader" } }).Ok();
        await user.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        user = await Host.As(name, "New-pass-22");
        Assert.Equal(["Grader", "Agent"], (await user.GetAsync("/api/v1/auth/me").Ok()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order().Reverse());
        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{name}/reset-password", new { }).Ok();
        await user.GetAsync("/api/v1/auth/me").Expect(HttpStatusCode.Unauthorized);
        user = await Host.As(name, reset.Str("temporaryPassword"));
        Assert.Equal("True", (await user.GetAsync("/api/v1/auth/me").Ok()).Str("mustChangePassword"));

        var audit = (await admin.GetAsync($"/api/v1/audit/{DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, CallCenterClock.FindZone("Asia/Shanghai")).DateTime):yyyy-MM-dd}").Ok())
            .EnumerateArray().Where(l => l.Str("subject") == $"user:{name}").Select(l => l.Str("action")).ToList();
        Assert.Equal(["user-create", "password-change", "user-disable", "user-enable", "user-roles", "user-password-reset"], audit);
    }

    [Theory]
    [InlineData("""{"userName":"bad name","roles":["Agent"]}""", "userName", "id")]
    [InlineData("""{"userName":"okname","roles":["Boss"]}""", "roles", "invalid")]
    [InlineData("""{"userName":"okname","roles":[]}""", "roles", "invalid")]
    [InlineData("""{"userName":"supervisor","roles":["Agent"]}""", "userName", "exists")]
    [InlineData("""{"userName":"okname2","roles":["Agent"],"password":"short"}""", "password", null)]
    public async Task A_bad_new_user_is_a_problem_naming_the_field_and_its_kind(string body, string field, string? code)
    {
        var admin = await Host.As("admin");
        var problem = await admin.PostAsync("/api/v1/users", new StringContent(body, System.Text.Encoding.UTF8, "application/json")).Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("invalid", problem.Str("code"));
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("codes").GetProperty(field)[0].Str("code"));
        }
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_an_administrator_cannot_lock_themselves_out()
    {
        await (await Host.As("supervisor")).GetAsync("/api/v1/users").Expect(HttpStatusCode.Forbidden);
        await (await Host.As("supervisor")).PostAsync("/api/v1/users/agent3/disable", null).Expect(HttpStatusCode.Forbidden);
        var admin = await Host.As("admin");
        (await admin.PostAsync("/api/v1/users/admin/disable", null).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("userName");
        (await admin.PutAsJsonAsync("/api/v1/users/admin/roles", new { roles = new[] { "Supervisor" } }).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("roles");
        await admin.PostAsync("/api/v1/users/nobody-here/disable", null).Expect(HttpStatusCode.NotFound);
    }
}
