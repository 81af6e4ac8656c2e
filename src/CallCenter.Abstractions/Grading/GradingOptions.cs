namespace CallCenter.Grading;

/// <summary>CallCenter:Grading. An agent may dispute an evaluation until the end of the N-th working day after it was submitted.</summary>
public sealed class GradingOptions
{
    public int DisputeWorkingDays { get; set; } = 3;
}
