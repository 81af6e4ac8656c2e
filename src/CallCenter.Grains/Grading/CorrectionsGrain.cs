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
        await Callback(correction);
        return correction;
    }

    public static string OrderId(string correctionId) => "corr-" + correctionId;

    /// <summary>The callback becomes the agent's work order; the knowledge base gets a fix proposal (a draft) linked to it.</summary>
    private async Task Callback(Correction c)
    {
        var orderId = OrderId(c.CorrectionId);
        var by = new Actor(c.MarkedBy, false);
        await GrainFactory.GetGrain<IWorkOrderGrain>(orderId).Open(new WorkOrderOpening(
            WorkOrderKind.Correction, null, c.CallId, new Taxpayer(null, c.Caller, null),
            $"通话 {c.AtSeconds:0} 秒处答复有误: {c.WrongAnswer} — 正确答复: {c.CorrectAnswer}", SourceOrder: c.CorrectionId,
            Assignee: string.IsNullOrEmpty(c.Agent) ? c.MarkedBy : c.Agent), by);
        await GrainFactory.GetGrain<IKnowledgeEntryGrain>("kb-" + orderId).SaveDraft(new KnowledgeContent(
            $"更正: {c.WrongAnswer}", c.CorrectAnswer, c.PolicyReference is { } p ? [p] : [], null, null, ["纠错"], null, [orderId]), c.MarkedBy);
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
