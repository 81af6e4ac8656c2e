using CallCenter.Grading;

namespace CallCenter.History.Grading;

/// <summary>One recorded call in the recordings index.</summary>
public sealed class RecordingRow
{
    public required string CallId { get; set; }

    /// <summary>The ISO week the recording was made in, e.g. 2026-W48.</summary>
    public required string Week { get; set; }

    public required string Agent { get; set; }

    public required string Queue { get; set; }

    public long RecordedUtcTicks { get; set; }

    public double LongestDeadAirSeconds { get; set; }

    public double OverTalkSeconds { get; set; }

    public int? SurveyScore { get; set; }

    public RecordedCall ToCall() => new(CallId, Agent, Queue, new DateTimeOffset(RecordedUtcTicks, TimeSpan.Zero), LongestDeadAirSeconds, OverTalkSeconds, SurveyScore);
}
