namespace CallCenter.Grading;

[GenerateSerializer]
public sealed class CalibrationRecord
{
    [Id(0)] public string? Lead { get; set; }
    [Id(1)] public List<string> Graders { get; set; } = [];
    [Id(2)] public bool Open { get; set; }
}

[GrainType("calibration")]
public sealed class CalibrationGrain(
    [PersistentState("calibration", StorageNames.Grains)] IPersistentState<CalibrationRecord> calibration,
    CallCenterClock clock) : Grain, ICalibrationGrain
{
    private string CallId => this.GetPrimaryKeyString();

    async Task<CalibrationReport> ICalibrationGrain.Open(string agent, string formId, IReadOnlyList<string> graders, string lead, string by)
    {
        if (calibration.State.Lead is not null)
        {
            throw new IllegalTransitionException("Calibration", CallId, calibration.State.Open ? "open" : "closed", "be opened again");
        }

        var everyone = graders.Append(lead).ToList();
        if (graders.Count < 2 || everyone.Distinct(StringComparer.OrdinalIgnoreCase).Count() != everyone.Count || everyone.Contains(agent, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainValidationException("graders", "A calibration needs at least two graders and a lead, all different, none of them the agent.");
        }

        foreach (var grader in everyone)
        {
            await GrainFactory.GetGrain<IEvaluationGrain>($"{CallId}.{grader}").Start(CallId, agent, grader, formId);
        }

        calibration.State = new CalibrationRecord { Lead = lead, Graders = [.. graders], Open = true };
        await calibration.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "calibration-open", $"call:{CallId}", $"graders {string.Join(", ", graders)}; lead {lead}");
        return await Build();
    }

    Task<bool> ICalibrationGrain.IsOpen() => Task.FromResult(calibration.State.Open);

    async Task<CalibrationReport> ICalibrationGrain.Close(string by)
    {
        Require();
        calibration.State.Open = false;
        await calibration.WriteStateAsync();
        await Audit.Record(GrainFactory, clock, by, "calibration-close", $"call:{CallId}", null);
        return await Build();
    }

    Task<CalibrationReport> ICalibrationGrain.Report()
    {
        Require();
        return Build();
    }

    private void Require()
    {
        if (calibration.State.Lead is null)
        {
            throw new NotConfiguredException("Calibration", CallId);
        }
    }

    private async Task<CalibrationReport> Build()
    {
        var s = calibration.State;
        var evaluations = await Task.WhenAll(s.Graders.Append(s.Lead!).Select(g => GrainFactory.GetGrain<IEvaluationGrain>($"{CallId}.{g}").Get()));
        return CalibrationMath.Report(CallId, s.Lead!, s.Graders, s.Open, evaluations);
    }
}
