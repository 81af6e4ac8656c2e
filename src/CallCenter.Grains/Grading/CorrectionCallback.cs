namespace CallCenter.Grading;

/// <summary>
/// What a correction sets going: the callback becomes the agent's work order, and the knowledge base gets a fix
/// proposal (a draft) linked to it.
/// </summary>
public static class CorrectionCallback
{
    public static string OrderId(string correctionId) => "corr-" + correctionId;

    /// <summary>
    /// Stores the correction and, the first time (or when an earlier try stored it but died before the work order
    /// existed), opens its callback and proposal and audits it. Returns the correction as stored.
    /// </summary>
    public static async Task<Correction> Open(IGrainFactory grains, ICorrections corrections, CallCenterClock clock, Correction c)
    {
        var stored = await corrections.Open(c);
        if (stored || !await Exists(grains, OrderId(c.CorrectionId)))
        {
            await Start(grains, c);
        }

        if (stored)
        {
            await Audit.Record(grains, clock, c.MarkedBy, "correction-open", $"call:{c.CallId}", $"at {c.AtSeconds:0.0} s: {c.CorrectAnswer}");
        }

        return await corrections.Get(c.CorrectionId) ?? c;
    }

    private static async Task<bool> Exists(IGrainFactory grains, string orderId)
    {
        try
        {
            await grains.GetGrain<IWorkOrderGrain>(orderId).Get();
            return true;
        }
        catch (NotConfiguredException)
        {
            return false;
        }
    }

    private static async Task Start(IGrainFactory grains, Correction c)
    {
        var orderId = OrderId(c.CorrectionId);
        await grains.GetGrain<IWorkOrderGrain>(orderId).Open(new WorkOrderOpening(
            WorkOrderKind.Correction, null, c.CallId, new Taxpayer(null, c.Caller, null),
            $"通话 {c.AtSeconds:0} 秒处答复有误: {c.WrongAnswer} — 正确答复: {c.CorrectAnswer}", SourceOrder: c.CorrectionId,
            Assignee: string.IsNullOrEmpty(c.Agent) ? c.MarkedBy : c.Agent), new Actor(c.MarkedBy, false));
        await grains.GetGrain<IKnowledgeEntryGrain>("kb-" + orderId).SaveDraft(new KnowledgeContent(
            $"更正: {c.WrongAnswer}", c.CorrectAnswer, c.PolicyReference is { } p ? [p] : [], null, null, ["纠错"], null, [orderId]), c.MarkedBy);
    }
}
