using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace CallCenter.Host.Tests;

/// <summary>
/// No Docker engine runs here, so the image's build is carried out step by step from deploy/docker/Dockerfile on this
/// machine: the build context is the repository filtered by .dockerignore, each stage gets a directory of its own as
/// its file system root, and every RUN of the Node and SDK stages runs as written (absolute paths mapped into the
/// stage's root). The final stage's content is then started with the image's ENV and ENTRYPOINT, and its HEALTHCHECK
/// command must say healthy. Not carried out: the base images themselves and the final stage's RUN (it gives /data to
/// the base image's own non-root user, which exists only in that image).
/// </summary>
public sealed partial class ImageBuildTests : IDisposable
{
    private static readonly string Root = DeploymentTests.FindRoot();
    private readonly string work = Directory.CreateTempSubdirectory("callcenter-image.").FullName;

    [Fact]
    public async Task The_image_built_step_by_step_from_the_dockerfile_starts_and_passes_its_own_health_check()
    {
        var context = Path.Combine(work, "context");
        CopyContext(context);
        Assert.False(Directory.Exists(Path.Combine(context, "src/CallCenter.Web/node_modules")), ".dockerignore keeps node_modules out of the context");

        var stages = Dockerfile.Parse(File.ReadAllLines(Path.Combine(Root, "deploy/docker/Dockerfile")));
        Assert.Equal(["web", "build", "final"], stages.Select(s => s.Name));
        foreach (var stage in stages)
        {
            await Build(stage, context, run: stage.Name != "final");
        }

        var final = stages[2];
        var image = Path.Combine(work, "final");

        Assert.True(File.Exists(Path.Combine(image, "app/CallCenter.Host.dll")));
        foreach (var assembly in new[] { "CallCenter.Host.dll", "CallCenter.Grains.dll", "Orleans.Runtime.dll" })
        {
            Assert.True(ReadyToRun(Path.Combine(image, "app", assembly)), $"{assembly} is compiled ahead of time (ReadyToRun)");
        }

        Assert.True(File.Exists(Path.Combine(image, "app/ui/wallboard.html")), "the pages built in the Node stage are in the image");
        Assert.False(File.Exists(Path.Combine(image, "app/ui/.built")));
        Assert.Contains(final.Steps, s => s.Instruction == "USER" && s.Arguments.Trim() is not ("root" or "0"));

        // Start what the image would start, with its environment, on a loopback port instead of 8080.
        var port = RunningHost.FreePort();
        var entry = Exec(final.Steps.Last(s => s.Instruction == "ENTRYPOINT").Arguments);
        var start = new ProcessStartInfo(entry[0], entry.Skip(1).Select(a => a.StartsWith('/') ? image + a : a))
        {
            WorkingDirectory = image + final.Steps.Last(s => s.Instruction == "WORKDIR").Arguments.Trim(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in Environment(final))
        {
            start.Environment[key] = value.StartsWith('/') ? image + value : value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["CallCenter__SiloPort"] = RunningHost.FreePort().ToString();
        start.Environment["CallCenter__GatewayPort"] = RunningHost.FreePort().ToString();
        Directory.CreateDirectory(image + "/data");
        using var host = Process.Start(start)!;
        var said = new System.Text.StringBuilder();
        host.OutputDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
        host.ErrorDataReceived += (_, e) => { lock (said) { said.AppendLine(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            var check = Exec(Regex.Match(final.Steps.Single(s => s.Instruction == "HEALTHCHECK").Arguments, @"CMD\s+(\[.*\])").Groups[1].Value)
                .Select(a => a.StartsWith('/') ? image + a : a.Replace("127.0.0.1:8080", $"127.0.0.1:{port}"))
                .ToArray();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            int exit;
            while ((exit = await Run(check[0], check[1..], image)) != 0 && DateTime.UtcNow < deadline && !host.HasExited)
            {
                await Task.Delay(1000);
            }

            Assert.True(exit == 0, $"the health check said {exit}; the host ({(host.HasExited ? "exited" : "running")}) said:\n{said}");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Contains("<html", await http.GetStringAsync("/login.html"), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }
    }

    private async Task Build(Dockerfile.Stage stage, string context, bool run)
    {
        var root = Path.Combine(work, stage.Name);
        var cwd = "/";
        foreach (var step in stage.Steps)
        {
            switch (step.Instruction)
            {
                case "WORKDIR":
                    cwd = step.Arguments.Trim();
                    Directory.CreateDirectory(root + cwd);
                    break;
                case "COPY":
                    var (from, sources, target) = CopyArguments(step.Arguments);
                    var destination = target.StartsWith('/') ? root + target : Path.Combine(root + cwd, target);
                    foreach (var source in sources)
                    {
                        var origin = from is null ? Path.Combine(context, source) : Path.Combine(work, from) + source;
                        if (File.Exists(origin))
                        {
                            Directory.CreateDirectory(destination);
                            File.Copy(origin, Path.Combine(destination, Path.GetFileName(origin)), overwrite: true);
                        }
                        else
                        {
                            CopyTree(origin, destination);
                        }
                    }

                    break;
                case "RUN" when run:
                    var command = AbsolutePath().Replace(step.Arguments, m => m.Groups[1].Value + root + m.Groups[2].Value);
                    Assert.True(await Run("bash", ["-c", command], root + cwd) == 0, $"{stage.Name}: RUN {step.Arguments} failed");
                    break;
            }
        }
    }

    private static (string? From, string[] Sources, string Target) CopyArguments(string arguments)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var from = words.FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal))?["--from=".Length..];
        words.RemoveAll(w => w.StartsWith("--", StringComparison.Ordinal));
        return (from, words[..^1].Select(w => w == "." ? "" : w.TrimEnd('/')).ToArray(), words[^1]);
    }

    /// <summary>A ReadyToRun assembly carries native code beside its IL, announced in its CLI header.</summary>
    private static bool ReadyToRun(string path)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(path));
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static IEnumerable<(string Key, string Value)> Environment(Dockerfile.Stage stage) =>
        stage.Steps.Where(s => s.Instruction == "ENV")
            .SelectMany(s => s.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (kv[0], kv[1]));

    private static string[] Exec(string json) => System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!;

    private static async Task<int> Run(string file, IEnumerable<string> arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"{file} {string.Join(' ', arguments)}: {await output}{await error}");
        }

        return process.ExitCode;
    }

    /// <summary>The repository as `docker build` would send it: everything .dockerignore does not exclude.</summary>
    private static void CopyContext(string context)
    {
        var matcher = new Matcher(StringComparison.Ordinal); // as Docker matches: "data/" is not "Data/"
        matcher.AddInclude("**/*");
        foreach (var line in File.ReadAllLines(Path.Combine(Root, ".dockerignore")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            matcher.AddExclude(line.EndsWith('/') ? line + "**" : line);
        }

        foreach (var file in matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(Root))).Files)
        {
            var target = Path.Combine(context, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Root, file.Path), target);
        }
    }

    private static void CopyTree(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    [GeneratedRegex(@"(^|\s)(/(?:app|web|src|data)\b)")]
    private static partial Regex AbsolutePath();

    /// <summary>The parts of a Dockerfile this test carries out: stages and their instructions (continuation lines joined).</summary>
    private static class Dockerfile
    {
        public sealed record Step(string Instruction, string Arguments);

        public sealed record Stage(string Name, List<Step> Steps);

        public static List<Stage> Parse(IEnumerable<string> lines)
        {
            var stages = new List<Stage>();
            var pending = "";
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }

                pending += line.TrimEnd('\\').Trim() + " ";
                if (line.EndsWith('\\'))
                {
                    continue;
                }

                var text = pending.Trim();
                pending = "";
                var space = text.IndexOf(' ');
                var (instruction, arguments) = (text[..space].ToUpperInvariant(), text[(space + 1)..]);
                if (instruction == "FROM")
                {
                    var alias = Regex.Match(arguments, @"\bAS\s+(\S+)", RegexOptions.IgnoreCase);
                    stages.Add(new Stage(alias.Success ? alias.Groups[1].Value : "final", []));
                }
                else
                {
                    stages[^1].Steps.Add(new Step(instruction, arguments));
                }
            }

            return stages;
        }
    }
}
