namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class ScorecardFormRecord
{
    [Id(0)] public List<ScorecardForm> Versions { get; set; } = [];
}

[GrainType("scorecard-form")]
public sealed class ScorecardFormGrain(
    [PersistentState("scorecard-form", StorageNames.Grains)] IPersistentState<ScorecardFormRecord> form,
    CallCenterClock clock) : Grain, IScorecardFormGrain
{
    async Task<ScorecardForm> IScorecardFormGrain.Seed(string name, IReadOnlyList<FormSection> sections) =>
        form.State.Versions.LastOrDefault() ?? await ((IScorecardFormGrain)this).Publish(name, sections, "system");

    async Task<ScorecardForm> IScorecardFormGrain.Publish(string name, IReadOnlyList<FormSection> sections, string by)
    {
        var next = new ScorecardForm(this.GetPrimaryKeyString(), name, form.State.Versions.Count + 1, sections);
        FormRules.Validate(next);
        form.State.Versions.Add(next);
        await form.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "form-publish", $"form:{next.Id}", $"version {next.Version}");
        return next;
    }

    Task<ScorecardForm> IScorecardFormGrain.Get(int? version)
    {
        var versions = form.State.Versions;
        var found = version is { } v ? versions.FirstOrDefault(f => f.Version == v) : versions.LastOrDefault();
        return Task.FromResult(found ?? throw new NotConfiguredException("Scorecard form version", $"{this.GetPrimaryKeyString()}@{version?.ToString() ?? "latest"}"));
    }
}
