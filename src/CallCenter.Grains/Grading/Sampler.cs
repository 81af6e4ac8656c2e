namespace CallCenter.Grading;

/// <summary>
/// Draws the calls to grade and shares them among graders. Deterministic for a seed: candidates are ordered by call
/// id before drawing. Per agent (in name order): first one call from each of their queues if asked, then the rest,
/// each drawn with weight 1, or the over-sample factor for a flagged call (long dead air, over-talk, low survey
/// score), without replacement. Each drawn call goes to the grader with the fewest so far who is not its agent.
/// </summary>
public static class Sampler
{
    public static IReadOnlyList<Assignment> Draw(IEnumerable<RecordedCall> calls, SamplingRule rule, IReadOnlyList<string> graders)
    {
        if (rule.PerAgent is < 1 or > 100 || rule.OverSampleFactor is < 1 or > 100)
        {
            throw new DomainValidationException("perAgent", "Between 1 and 100 calls per agent, and an over-sample factor between 1 and 100.");
        }

        if (graders.Count == 0 || graders.Distinct().Count() != graders.Count)
        {
            throw new DomainValidationException("graders", "At least one grader, each named once.");
        }

        var random = new Random(rule.Seed);
        var load = graders.ToDictionary(g => g, _ => 0);
        var result = new List<Assignment>();
        foreach (var agent in calls.GroupBy(c => c.Agent).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var pool = agent.OrderBy(c => c.CallId, StringComparer.Ordinal).ToList();
            var drawn = new List<RecordedCall>();
            if (rule.EachQueue)
            {
                foreach (var queue in pool.Select(c => c.Queue).Distinct().Order(StringComparer.Ordinal).ToList())
                {
                    if (drawn.Count < rule.PerAgent)
                    {
                        drawn.Add(Take(pool.Where(c => c.Queue == queue).ToList()));
                    }
                }
            }

            while (drawn.Count < rule.PerAgent && pool.Count > 0)
            {
                drawn.Add(Take(pool));
            }

            foreach (var call in drawn)
            {
                var grader = graders.Where(g => !string.Equals(g, call.Agent, StringComparison.OrdinalIgnoreCase)).MinBy(g => load[g])
                    ?? throw new DomainValidationException("graders", $"No grader other than {call.Agent} can grade {call.Agent}'s calls.");
                load[grader]++;
                result.Add(new Assignment(call.CallId, call.Agent, call.Queue, grader, Flagged(call, rule)));
            }

            RecordedCall Take(List<RecordedCall> from)
            {
                var weights = from.Select(c => Flagged(c, rule) ? rule.OverSampleFactor : 1.0).ToArray();
                var target = random.NextDouble() * weights.Sum();
                var index = 0;
                for (var sum = weights[0]; sum <= target && index < from.Count - 1; sum += weights[++index])
                {
                }

                var chosen = from[index];
                pool.Remove(chosen);
                return chosen;
            }
        }

        return result;
    }

    public static bool Flagged(RecordedCall call, SamplingRule rule) =>
        call.LongestDeadAirSeconds >= rule.LongDeadAirSeconds || call.OverTalkSeconds >= rule.OverTalkSeconds
        || call.SurveyScore <= rule.LowSurveyScore;
}
