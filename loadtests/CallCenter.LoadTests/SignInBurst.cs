using System.Diagnostics;
using System.Net.Http.Json;

namespace CallCenter.LoadTests;

// A shift signing in at once: N concurrent correct sign-ins (each a deliberately slow password check) while GET
// /healthz is probed without pause. The baseline, measured in the same run, is /healthz with nobody signing in: the
// ratio says how much a sign-in burst slows everything else on the host.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- signin [signIns=200]
public static class SignInBurst
{
    public static async Task Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 200;
        await using var host = await LoadHost.Start("--CallCenter:Dashboard=false");
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(5) };
        await host.Token("agent1");

        var rest = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            rest.Add(await Probe(http));
        }

        var during = new List<double>();
        using var stop = new CancellationTokenSource();
        var prober = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                during.Add(await Probe(http));
                await Task.Delay(5);
            }
        });
        string[] users = ["agent1", "agent2", "agent3", "supervisor", "grader", "duty1", "duty2", "duty3"];
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            (int)(await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = users[i % users.Length], password = LoadHost.Password })).StatusCode));
        var burst = clock.Elapsed;
        await stop.CancelAsync();
        await prober;

        Console.WriteLine($"sign-ins: {count} in {burst.TotalSeconds:F1} s; answers {string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}");
        Console.WriteLine($"/healthz at rest:      p50 {Quantile(rest, 0.5):F2} ms, p99 {Quantile(rest, 0.99):F2} ms ({rest.Count} probes)");
        Console.WriteLine($"/healthz during burst: p50 {Quantile(during, 0.5):F2} ms, p99 {Quantile(during, 0.99):F2} ms, max {during.DefaultIfEmpty(0).Max():F2} ms ({during.Count} probes)");
        Console.WriteLine($"ratio (burst / rest):  p50 {Quantile(during, 0.5) / Quantile(rest, 0.5):F1}×, p99 {Quantile(during, 0.99) / Quantile(rest, 0.99):F1}×");
    }

    private static async Task<double> Probe(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        (await http.GetAsync("/healthz")).EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * q))];
    }
}
