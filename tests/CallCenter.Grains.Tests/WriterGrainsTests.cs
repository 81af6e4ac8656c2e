using System.Reflection;
using CallCenter.Calls;
using CallCenter.Reporting;
using CallCenter.Seats;
using Orleans.Concurrency;

namespace CallCenter.Grains.Tests;

public sealed class WriterGrainsTests
{
    /// <summary>
    /// A worker grain that hands rows to one of the query store's batching writers for many callers must take many calls
    /// at once: the writer gathers for a moment before each commit, so a worker serving one call at a time makes every
    /// caller wait a whole gathering behind the one before (under load: 30 s timeouts and history hours late). Calls and
    /// seats hand their own rows to the writer directly, each for itself.
    /// </summary>
    [Fact]
    public void Workers_in_front_of_a_batching_writer_are_reentrant()
    {
        Type[] writers = [typeof(IAgentActivity), typeof(ICallRecords), typeof(IAuditTrail)];
        var workers = typeof(AuditWriterGrain).Assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && t.GetCustomAttribute<StatelessWorkerAttribute>() is not null
                && t.GetConstructors().Any(c => c.GetParameters().Any(p => writers.Contains(p.ParameterType))))
            .ToList();

        Assert.Contains(typeof(AuditWriterGrain), workers);
        Assert.All(workers, worker => Assert.NotNull(worker.GetCustomAttribute<ReentrantAttribute>()));
    }
}
