using CallCenter.Grading;

namespace CallCenter.History.Grading;

/// <summary>One correction (a wrong answer marked in a call) as stored.</summary>
public sealed class CorrectionRow
{
    public required string CorrectionId { get; set; }

    public required string CallId { get; set; }

    public required string Agent { get; set; }

    public required string Caller { get; set; }

    public double AtSeconds { get; set; }

    public required string WrongAnswer { get; set; }

    public required string CorrectAnswer { get; set; }

    public string? PolicyReference { get; set; }

    public required string MarkedBy { get; set; }

    public long MarkedUtcTicks { get; set; }

    public long CallbackDueUtcTicks { get; set; }

    public required string Status { get; set; }

    public Correction ToCorrection() => new(
        CorrectionId, CallId, Agent, Caller, AtSeconds, WrongAnswer, CorrectAnswer, PolicyReference, MarkedBy,
        new DateTimeOffset(MarkedUtcTicks, TimeSpan.Zero), new DateTimeOffset(CallbackDueUtcTicks, TimeSpan.Zero), Enum.Parse<CorrectionStatus>(Status));
}
