namespace CallCenter.Grains.Tests.Grading;

public sealed class SamplerTests
{
    private static readonly string[] Graders = ["grader", "grader2", "grader3"];

    [Fact]
    public void The_same_seed_draws_the_same_calls_for_the_same_graders_and_another_seed_differs()
    {
        var calls = Calls(new Random(1), agents: 6, perAgent: 20);
        var rule = new SamplingRule(3, EachQueue: true, OverSampleFactor: 3, Seed: 42);
        var first = Sampler.Draw(calls, rule, Graders);
        Assert.Equal(first, Sampler.Draw(calls.AsEnumerable().Reverse(), rule, Graders));
        Assert.NotEqual(first.Select(a => a.CallId), Sampler.Draw(calls, rule with { Seed = 43 }, Graders).Select(a => a.CallId));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_agent_gets_their_quota_with_one_call_from_each_of_their_queues_and_graders_share_evenly(int seed)
    {
        var random = new Random(seed);
        var calls = Calls(random, agents: random.Next(2, 9), perAgent: random.Next(3, 15));
        var rule = new SamplingRule(4, EachQueue: true, OverSampleFactor: 3, Seed: seed);
        var drawn = Sampler.Draw(calls, rule, Graders);
        foreach (var agent in calls.GroupBy(c => c.Agent))
        {
            var mine = drawn.Where(a => a.Agent == agent.Key).ToList();
            Assert.Equal(Math.Min(4, agent.Count()), mine.Count);
            Assert.Equal(mine.Count, mine.Select(a => a.CallId).Distinct().Count());
            var queues = agent.Select(c => c.Queue).Distinct().ToList();
            if (queues.Count <= 4)
            {
                Assert.All(queues, q => Assert.Contains(mine, a => a.Queue == q));
            }
        }

        var load = Graders.Select(g => drawn.Count(a => a.Grader == g)).ToList();
        Assert.True(load.Max() - load.Min() <= 1, string.Join(",", load));
    }

    [Fact]
    public void A_grader_never_gets_their_own_calls()
    {
        var calls = Calls(new Random(7), agents: 3, perAgent: 6).Select(c => c.Agent == "agent-0" ? c with { Agent = "grader" } : c).ToList();
        var drawn = Sampler.Draw(calls, new SamplingRule(3, false, 1, 7), ["grader", "grader2"]);
        Assert.DoesNotContain(drawn, a => a.Agent == a.Grader);
        Assert.All(drawn.Where(a => a.Agent == "grader"), a => Assert.Equal("grader2", a.Grader));
        Assert.Throws<DomainValidationException>(() => Sampler.Draw(calls, new SamplingRule(3, false, 1, 7), ["grader"]));
    }

    [Fact]
    public void Flagged_calls_are_over_sampled()
    {
        // Half the calls are flagged (long dead air); with factor 4 they should make up about 4/5 of the draws.
        var calls = Enumerable.Range(0, 40).Select(i => new RecordedCall($"c{i:00}", "agent", "q", DateTimeOffset.UnixEpoch, i % 2 == 0 ? 30 : 0, 0)).ToList();
        var flagged = Enumerable.Range(0, 400).Sum(seed => Sampler.Draw(calls, new SamplingRule(1, false, 4, seed), ["grader"]).Count(a => a.Flagged));
        Assert.InRange(flagged, 280, 360);
        var plain = Enumerable.Range(0, 400).Sum(seed => Sampler.Draw(calls, new SamplingRule(1, false, 1, seed), ["grader"]).Count(a => a.Flagged));
        Assert.InRange(plain, 160, 240);
    }

    private static List<RecordedCall> Calls(Random random, int agents, int perAgent) =>
        Enumerable.Range(0, agents).SelectMany(a => Enumerable.Range(0, perAgent).Select(i => new RecordedCall(
            $"call-{a}-{i:00}", $"agent-{a}", $"q{random.Next(0, 3)}", DateTimeOffset.UnixEpoch.AddMinutes(i),
            random.NextDouble() < 0.2 ? 20 : 1, random.NextDouble() < 0.2 ? 5 : 0))).ToList();
}
