using System.Reflection;
using CallCenter.Calls;
using CallCenter.Reporting;
using CallCenter.Seats;
using Orleans.Concurrency;

namespace CallCenter.Grains.Tests;

public sealed class WriterGrainsTests
{
    /// <summary>
    /// A grain that hands rows to one of the query store's batching writers must take many calls at once: the writer
    /// gathers for a moment before each commit, so a grain serving one call at a time makes every caller wait a whole
    /// gathering behind the one before (under load: 30 s timeouts and history hours late).
    /// </summary>
    [Fact]
    public void Grains_in_front_of_a_batching_writer_are_reentrant()
    {
        Type[] writers = [typeof(IAgentActivity), typeof(ICallRecords), typeof(IAuditTrail)];
        var grains = typeof(ActivityWriterGrain).Assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && t.GetConstructors().Any(c => c.GetParameters().Any(p => writers.Contains(p.ParameterType))))
            .ToList();

        Assert.Equal(3, grains.Count);
        Assert.All(grains, grain => Assert.NotNull(grain.GetCustomAttribute<ReentrantAttribute>()));
    }
}
