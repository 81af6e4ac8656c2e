using YamlDotNet.RepresentationModel;

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

    [Fact]
    public void The_kubernetes_manifests_parse_and_agree_with_each_other_and_with_orleans_kubernetes_hosting()
    {
        var folder = Path.Combine(Root, "deploy/k8s");
        var kustomization = Load(Path.Combine(folder, "kustomization.yaml")).Single();
        var resources = ((YamlSequenceNode)kustomization["resources"]).Select(r => r.ToString()).ToList();
        var documents = resources.SelectMany(r => Load(Path.Combine(folder, r))).ToList();
        Assert.All(documents, d => Assert.True(d.Children.ContainsKey("apiVersion") && d.Children.ContainsKey("kind") && d["metadata"]["name"].ToString().Length > 0));
        var kinds = documents.Select(d => d["kind"].ToString()).ToList();
        Assert.Equal(["Deployment", "PersistentVolumeClaim", "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount"], kinds.Order());

        var deployment = documents.Single(d => d["kind"].ToString() == "Deployment");
        var pod = deployment["spec"]["template"];
        var labels = (YamlMappingNode)pod["metadata"]["labels"];
        Assert.Equal("callcenter", labels["orleans/serviceId"].ToString());
        Assert.Equal("callcenter", labels["orleans/clusterId"].ToString());
        Assert.Equal("callcenter", pod["spec"]["serviceAccountName"].ToString());
        Assert.Equal("true", pod["spec"]["securityContext"]["runAsNonRoot"].ToString());
        var container = ((YamlSequenceNode)pod["spec"]["containers"]).Single();
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>().ToDictionary(e => e["name"].ToString());
        foreach (var required in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "ConnectionStrings__Postgres", "CallCenter__Cti__ApiKey" })
        {
            Assert.True(env.ContainsKey(required), $"the pod needs {required}");
        }

        Assert.Equal(("Cluster", "true"), (env["CallCenter__Mode"]["value"].ToString(), env["CallCenter__Kubernetes"]["value"].ToString()));
        var secretKeys = ((YamlMappingNode)Load(Path.Combine(folder, "secret.example.yaml")).Single()["stringData"]).Children.Keys.Select(k => k.ToString()).ToHashSet();
        Assert.All(env.Values.Where(e => e.Children.ContainsKey("valueFrom") && ((YamlMappingNode)e["valueFrom"]).Children.ContainsKey("secretKeyRef")),
            e => Assert.Contains(e["valueFrom"]["secretKeyRef"]["key"].ToString(), secretKeys));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/healthz", container[probe]["httpGet"]["path"].ToString());
        }

        var mounts = ((YamlSequenceNode)container["volumeMounts"]).Select(m => m["mountPath"].ToString()).ToList();
        Assert.Contains("/shared", mounts);
        Assert.StartsWith("/shared/", env["CallCenter__Recordings__Directory"]["value"].ToString());
        Assert.StartsWith("/shared/", env["CallCenter__Attachments__Directory"]["value"].ToString());
        var claim = documents.Single(d => d["kind"].ToString() == "PersistentVolumeClaim");
        Assert.Contains("ReadWriteMany", ((YamlSequenceNode)claim["spec"]["accessModes"]).Select(m => m.ToString()));

        foreach (var selecting in documents.Where(d => d["kind"].ToString() is "Service" or "PodDisruptionBudget"))
        {
            var selector = (YamlMappingNode)(selecting["kind"].ToString() == "Service" ? selecting["spec"]["selector"] : selecting["spec"]["selector"]["matchLabels"]);
            Assert.All(selector.Children, pair => Assert.Equal(pair.Value.ToString(), labels[pair.Key].ToString()));
        }

        var role = documents.Single(d => d["kind"].ToString() == "Role");
        var verbs = ((YamlSequenceNode)((YamlSequenceNode)role["rules"])[0]["verbs"]).Select(v => v.ToString()).ToList();
        Assert.Equal(["delete", "get", "list", "watch"], verbs.Order());
    }

    [Fact]
    public void The_compose_file_parses_and_every_silo_shares_the_volume_and_waits_for_the_database()
    {
        var compose = Load(Path.Combine(Root, "docker-compose.yml")).Single();
        var services = (YamlMappingNode)compose["services"];
        foreach (var silo in new[] { "silo1", "silo2", "silo3" })
        {
            var service = (YamlMappingNode)services[silo];
            Assert.Equal("unless-stopped", service["restart"].ToString());
            Assert.Contains("shared:/shared", ((YamlSequenceNode)service["volumes"]).Select(v => v.ToString()));
            Assert.Equal("service_healthy", service["depends_on"]["postgres"]["condition"].ToString());
            Assert.Equal("Cluster", service["environment"]["CallCenter__Mode"].ToString());
        }

        Assert.True(((YamlMappingNode)compose["volumes"]).Children.ContainsKey("shared"));
    }

    [Fact]
    public async Task Every_metric_the_grafana_dashboard_plots_is_one_the_host_exports()
    {
        await using var host = await RunningHost.Start();
        await RecordedCalls.TakenCall(host, "agent1"); // a queue with an answered call has a service level to plot

        var dashboard = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "deploy/grafana/dashboards/callcenter.json"))).RootElement;
        var wanted = dashboard.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.Str("expr")))
            .SelectMany(e => System.Text.RegularExpressions.Regex.Matches(e, @"\b(?:callcenter|orleans)_[a-z_]+").Select(m => m.Value))
            .ToHashSet();
        Assert.True(wanted.Count >= 8, string.Join(", ", wanted));
        var missing = wanted.ToList();
        for (var i = 0; i < 60 && missing.Count > 0; i++)
        {
            var text = await host.Anonymous().GetStringAsync("/metrics");
            missing = wanted.Where(w => !text.Contains(w + "{") && !text.Contains(w + " ")).ToList();
            await Task.Delay(missing.Count > 0 ? 500 : 0);
        }

        Assert.True(missing.Count == 0, "not on /metrics: " + string.Join(", ", missing));
        var datasource = Load(Path.Combine(Root, "deploy/grafana/provisioning/datasources/prometheus.yaml")).Single();
        Assert.Equal("prometheus", ((YamlSequenceNode)datasource["datasources"])[0]["uid"].ToString());
    }

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(new YamlDotNet.Core.MergingParser(new YamlDotNet.Core.Parser(reader))); // compose's "<<: *silo" merges
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    internal static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CallCenter.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (CallCenter.sln) was not found above the test binaries.");
    }
}
