namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class CorrectionsRecord
{
    [Id(0)] public Dictionary<string, Correction> Corrections { get; set; } = [];
}

[GrainType("corrections")]
public sealed class CorrectionsGrain(
    [PersistentState("corrections", StorageNames.Grains)] IPersistentState<CorrectionsRecord> corrections,
    CallCenterClock clock) : Grain, ICorrectionsGrain
{
    async Task<Correction> ICorrectionsGrain.Open(Correction correction)
    {
        if (corrections.State.Corrections.TryGetValue(correction.CorrectionId, out var known))
        {
            return known;
        }

        corrections.State.Corrections[correction.CorrectionId] = correction;
        await corrections.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, correction.MarkedBy, "correction-open", $"call:{correction.CallId}", $"at {correction.AtSeconds:0.0} s: {correction.CorrectAnswer}");
        return correction;
    }

    Task<IReadOnlyList<Correction>> ICorrectionsGrain.List(CorrectionStatus? status) =>
        Task.FromResult<IReadOnlyList<Correction>>(corrections.State.Corrections.Values
            .Where(c => status is null || c.Status == status).OrderBy(c => c.CallbackDue).ToArray());

    async Task<Correction> ICorrectionsGrain.CallbackDone(string correctionId, string by)
    {
        if (!corrections.State.Corrections.TryGetValue(correctionId, out var correction))
        {
            throw new NotConfiguredException("Correction", correctionId);
        }

        correction = corrections.State.Corrections[correctionId] = correction with { Status = CorrectionStatus.CallbackDone };
        await corrections.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "correction-callback-done", $"call:{correction.CallId}", correctionId);
        return correction;
    }
}
