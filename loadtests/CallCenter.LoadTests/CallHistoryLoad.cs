using System.Diagnostics;
using CallCenter.Calls;
using CallCenter.History;
using CallCenter.History.Reporting;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.LoadTests;

// Call-record ingest and search at a real centre's volume, on the embedded SQLite store (or PostgreSQL with
// "postgres" as the first argument: CALLCENTER_TEST_POSTGRES, or a private one it starts): writes days × seats × calls through the store's
// writer (1,000 calls in flight), then runs 200 filtered searches (a queue or an agent over a week, first page of 50),
// then writes the last month's agent activity and times that month's reports: per queue per hour, per agent per month.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- records [sqlite|postgres] [days=90] [seats=300] [callsPerSeat=37]
public static class CallHistoryLoad
{
    public static async Task Run(string[] args)
    {
        var provider = args.Length > 0 ? args[0] : "sqlite";
        var days = args.Length > 1 ? int.Parse(args[1]) : 90;
        var seats = args.Length > 2 ? int.Parse(args[2]) : 300;
        var perSeat = args.Length > 3 ? int.Parse(args[3]) : 37;
        var dataDir = Path.Combine(Path.GetTempPath(), "cc-history-" + Guid.NewGuid().ToString("N"));
        await using var own = provider == "postgres" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES"))
            ? await Failover.PrivatePostgres.Start()
            : null;
        var location = provider == "postgres"
            ? HistoryLocation.Cluster(await Database(own?.ConnectionString))
            : HistoryLocation.Embedded(dataDir);
        try
        {
            await Measure(location, provider, days, seats, perSeat);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static async Task Measure(HistoryLocation location, string provider, int days, int seats, int perSeat)
    {
        await HistorySetup.Migrate(location, LegacyRows.None);
        await using var services = new ServiceCollection().AddLogging().AddCallCenterHistory(location).BuildServiceProvider();
        var records = services.GetRequiredService<ICallRecords>();

        var first = new DateOnly(2026, 8, 1);
        var clock = Stopwatch.StartNew();
        var written = 0;
        var inFlight = new List<Task>(1_000);
        foreach (var call in HistoryGenerator.Calls(first, days, seats, perSeat))
        {
            inFlight.Add(records.Write(call));
            written++;
            if (inFlight.Count == 1_000)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
        var ingest = written / clock.Elapsed.TotalSeconds;

        var random = new Random(7);
        var histogram = new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3);
        string[] queues = ["vat", "iit", "cit", "invoice", "social"];
        for (var i = 0; i < 220; i++)
        {
            var from = new DateTimeOffset(first.AddDays(random.Next(days - 7)).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            var query = i % 2 == 0
                ? new CallQuery(From: from, To: from.AddDays(7), Queue: queues[random.Next(queues.Length)], MinWaitSeconds: 20)
                : new CallQuery(From: from, To: from.AddDays(7), Agent: $"agent-{random.Next(seats):D4}", Outcome: CallOutcome.Answered);
            var start = Stopwatch.GetTimestamp();
            var page = await records.Search(query);
            if (i >= 20)
            {
                histogram.RecordValue((long)Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }

            if (page.Items.Count == 0)
            {
                throw new InvalidOperationException($"search {i} found nothing: the generator and the query disagree");
            }
        }

        var (spans, spansPerSecond, intervals, agents) = await Reports(services, first.AddDays(days - 30), seats);
        Console.WriteLine($"{provider}: {written:N0} call records ({days} days × {seats} seats × {perSeat}) written in {clock.Elapsed.TotalSeconds:F0} s: {ingest:N0} rows/s");
        Console.WriteLine($"filtered search, first page of 50 (200 after 20 warm-up): p50 {histogram.GetValueAtPercentile(50) / 1000.0:F1} ms, p99 {histogram.GetValueAtPercentile(99) / 1000.0:F1} ms, max {histogram.GetMaxValue() / 1000.0:F1} ms");
        Console.WriteLine($"agent activity: {spans:N0} spans (30 days × {seats} seats) written at {spansPerSecond:N0} rows/s");
        Console.WriteLine($"a month's queue report per hour, all queues (10 after 1 warm-up): {intervals}");
        Console.WriteLine($"a month's agent report, per agent (10 after 1 warm-up): {agents}");
    }

    private static async Task<(int Spans, double PerSecond, string Intervals, string Agents)> Reports(ServiceProvider services, DateOnly monthStart, int seats)
    {
        var activity = services.GetRequiredService<CallCenter.Seats.IAgentActivity>();
        var clock = Stopwatch.StartNew();
        var written = 0;
        foreach (var chunk in HistoryGenerator.Spans(monthStart, 30, seats).Chunk(2_000))
        {
            await activity.Write(chunk);
            written += chunk.Length;
        }

        var perSecond = written / clock.Elapsed.TotalSeconds;
        var reports = services.GetRequiredService<CallCenter.Reporting.IHistoryReports>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var targets = new Dictionary<string, double> { ["vat"] = 20, ["iit"] = 20, ["cit"] = 30, ["invoice"] = 20, ["social"] = 20, ["general"] = 30 };
        var from = new DateTimeOffset(monthStart.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var intervals = await Time(async () =>
        {
            var rows = await reports.Queues(new CallCenter.Reporting.QueueReportQuery(from, from.AddDays(30), 60, zone, targets));
            return rows.Sum(r => r.Offered) > 0 ? rows.Count : throw new InvalidOperationException("the month's queue report is empty");
        });
        var agents = await Time(async () =>
        {
            var rows = await reports.Agents(new CallCenter.Reporting.AgentReportQuery(monthStart, monthStart.AddDays(29), ByMonth: true));
            return rows.Select(r => r.Agent).Distinct().Count() == seats ? rows.Count : throw new InvalidOperationException($"the month's agent report has {rows.Count} rows, not every one of {seats} agents");
        });
        return (written, perSecond, intervals, agents);
    }

    private static async Task<string> Time(Func<Task<int>> report)
    {
        var rows = await report();
        var times = new List<double>();
        for (var i = 0; i < 10; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await report();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        times.Sort();
        return $"{rows:N0} rows, p50 {times[4]:F0} ms, max {times[^1]:F0} ms";
    }

    private static Task<string> Database(string? own) =>
        PostgresDatabase.Create(own ?? Environment.GetEnvironmentVariable("CALLCENTER_TEST_POSTGRES")!, "history_" + Guid.NewGuid().ToString("N")[..8]);
}
