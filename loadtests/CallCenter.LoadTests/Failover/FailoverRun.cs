namespace CallCenter.LoadTests.Failover;

// The failover drill from the command line, on a PostgreSQL of its own (or CALLCENTER_TEST_POSTGRES if set):
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- failover [runs=2] [seats=20] [callsPerSecond=3.4]
// Membership is set as docs/benchmarks.md says (probe timeout 2 s, 3 missed probes, 2 votes).
public static class FailoverRun
{
    public static async Task Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0]) : 2;
        var seats = args.Length > 1 ? int.Parse(args[1]) : 20;
        var rate = args.Length > 2 ? double.Parse(args[2]) : 3.4;
        PrivatePostgres? own = null;
        var server = Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            own = await PrivatePostgres.Start();
            server = own.ConnectionString;
        }

        try
        {
            for (var run = 1; run <= runs; run++)
            {
                Console.WriteLine($"run {run} of {runs}: {seats} seats, {rate} calls/s");
                var membership = new Dictionary<string, string>
                {
                    ["ProbeTimeout"] = "00:00:02",
                    ["NumMissedProbesLimit"] = "3",
                    ["NumVotesForDeathDeclaration"] = "2",
                };
                var report = await new FailoverDrill(new FailoverDrill.Options(server, seats, rate, Membership: membership), Console.Out).Run();
                Console.WriteLine(report);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
