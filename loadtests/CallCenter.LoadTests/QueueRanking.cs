using System.Diagnostics;
using CallCenter.Routing;

namespace CallCenter.LoadTests;

// What placing one call costs the queue as the number of waiting calls grows: the next call for one free seat taken
// from the calls the queue keeps in order (QueueEntries: counted, taken, its offer filed again), against one pass over
// the entries and against the whole order sorted and its head taken (the queue's way before the twelfth session), in
// the same run. No host: both are plain code over the queue's entries.
//   dotnet run -c Release --project loadtests/CallCenter.LoadTests -- ranking [seconds per size=2]
public static class QueueRanking
{
    public static void Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0]) : 2;
        Console.WriteLine("waiting calls   kept in order (µs)   one pass (µs)   whole order sorted (µs)   sorted/kept   sorted/one pass");
        foreach (var waiting in new[] { 10, 100, 1_000, 10_000, 50_000 })
        {
            var random = new Random(waiting);
            var entries = Enumerable.Range(0, waiting).Select(i => new QueueEntry
            {
                CallId = $"call-{i}",
                Caller = "13800000000",
                Priority = random.Next(0, 3),
                Sequence = i,
                EnteredAt = DateTimeOffset.UnixEpoch,
                OfferedTo = random.Next(10) == 0 ? "S1" : null,
            }).ToList();
            var kept = new QueueEntries(entries);
            Measure(entries, kept, seconds / 4); // warm-up (JIT, tiering), not reported
            var (inOrder, onePass, sorted) = Measure(entries, kept, seconds);
            Console.WriteLine($"{waiting,13:N0}   {inOrder,17:F2}   {onePass,13:F2}   {sorted,23:F2}   {sorted / inOrder,10:F0}x   {sorted / onePass,14:F1}x");
        }
    }

    private static (double InOrder, double OnePass, double Sorted) Measure(List<QueueEntry> entries, QueueEntries kept, double seconds) => (
        Measure(entries, seconds, _ => Take(kept)),
        Measure(entries, seconds, e => AcdRanking.CallsInOrder(e, 1)),
        Measure(entries, seconds, e => e.Where(AcdRanking.AwaitsSeat).OrderByDescending(c => c.Priority).ThenBy(c => c.Sequence).Take(1).ToList()));

    /// <summary>What a dispatch does with the kept order: count, take the head, mark it offered and file it again; then the offer is withdrawn.</summary>
    private static IReadOnlyList<QueueEntry> Take(QueueEntries kept)
    {
        var next = kept.Waiting > 0 ? kept.Next(1) : [];
        foreach (var entry in next)
        {
            entry.OfferedTo = "S2";
            kept.Refile(entry);
            entry.OfferedTo = null;
            kept.Refile(entry);
        }

        return next;
    }

    /// <summary>Microseconds per ranking, ranked over and over for the given time.</summary>
    private static double Measure(List<QueueEntry> entries, double seconds, Func<List<QueueEntry>, IReadOnlyList<QueueEntry>> rank)
    {
        var watch = Stopwatch.StartNew();
        var count = 0L;
        var picked = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            picked += rank(entries).Count;
            count++;
        }

        if (picked != count)
        {
            throw new InvalidOperationException("a ranking picked no call");
        }

        return watch.Elapsed.TotalMicroseconds / count;
    }
}
