namespace CallCenter.Grading;

/// <summary>A scorecard (key: its id) and all its versions; publishing makes a new version, old ones stay.</summary>
[Alias("CallCenter.Grading.IScorecardFormGrain")]
public interface IScorecardFormGrain : IGrainWithStringKey
{
    [Alias("Publish")] Task<ScorecardForm> Publish(string name, IReadOnlyList<FormSection> sections, string by);

    /// <summary>Publishes version 1 unless the form already has a version (hosts starting together publish it once).</summary>
    [Alias("Seed")] Task<ScorecardForm> Seed(string name, IReadOnlyList<FormSection> sections);

    /// <summary>The given version, or the latest; throws <see cref="NotConfiguredException"/> when there is none.</summary>
    [Alias("Get")] Task<ScorecardForm> Get(int? version);
}
