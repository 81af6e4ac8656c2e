namespace CallCenter.Host.Tests;

/// <summary>
/// No Docker engine runs here, so the deployment files are checked for what broke them before, and the image's
/// health check — the host's own `probe` command — is run against a real host.
/// </summary>
public sealed class DeploymentTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public async Task The_probe_command_the_image_uses_says_healthy_for_a_running_host_and_fails_for_a_stopped_one()
    {
        await using var host = await RunningHost.Start();
        var output = new StringWriter();
        Assert.Equal(0, await Commands.Probe([new Uri(host.Address, "/healthz").ToString()], output));
        Assert.Contains("Healthy", output.ToString());
        Assert.Equal(1, await Commands.Probe([$"http://127.0.0.1:{RunningHost.FreePort()}/healthz"], new StringWriter()));
        Assert.Equal(1, await Commands.Probe([new Uri(host.Address, "/api/v1/auth/me").ToString()], new StringWriter()));
    }

    [Fact]
    public void The_image_builds_its_pages_in_a_node_stage_runs_as_a_user_and_checks_health_without_a_shell()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy/docker/Dockerfile"));
        Assert.Contains("FROM node:", dockerfile);
        Assert.Contains("npm ci", dockerfile);
        Assert.Contains("-p:SkipWeb=true", dockerfile);
        Assert.Contains("COPY --from=web /web/dist /app/ui", dockerfile);
        Assert.Contains("USER app", dockerfile);
        Assert.DoesNotContain("/dev/tcp", dockerfile);
        Assert.Contains("\"probe\"", dockerfile);

        var ignored = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));
        Assert.Contains("**/node_modules/", ignored);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("**/data/", ignored);
    }

    [Fact]
    public void Compose_restarts_every_service_and_shares_recordings_and_attachments_between_hosts()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        Assert.Contains("restart: unless-stopped", compose);
        Assert.Contains("CallCenter__Recordings__Directory: /shared/recordings", compose);
        Assert.Contains("CallCenter__Attachments__Directory: /shared/attachments", compose);
        Assert.Contains("- shared:/shared", compose);
        Assert.DoesNotContain("Simulator__Enabled: \"true\"", compose);
        foreach (var silo in new[] { "silo1:", "silo2:", "silo3:" })
        {
            Assert.Contains(silo, compose);
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CallCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CallCenter.sln) was not found above the test binaries.");
    }
}
