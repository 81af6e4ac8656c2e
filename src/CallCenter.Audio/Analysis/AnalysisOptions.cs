namespace CallCenter.Audio.Analysis;

/// <summary>Voice activity and talk-analytics settings. Defaults suit 8 kHz telephone recordings.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Analysis frame, also the peaks resolution.</summary>
    public int FrameMilliseconds { get; init; } = 20;

    /// <summary>A frame is speech when its energy is this far above the channel's noise floor…</summary>
    public double MarginDb { get; init; } = 12;

    /// <summary>…and at least this loud, whatever the floor.</summary>
    public double AbsoluteFloorDbfs { get; init; } = -45;

    /// <summary>The noise floor falls at once to a quieter frame and rises this much per second otherwise.</summary>
    public double FloorRiseDbPerSecond { get; init; } = 1;

    /// <summary>Pauses up to this long inside speech (between syllables and words) do not end a segment.</summary>
    public int HangoverMilliseconds { get; init; } = 200;

    /// <summary>Loud runs shorter than this (clicks) are not speech.</summary>
    public int MinimumSpeechMilliseconds { get; init; } = 100;

    /// <summary>Neither side speaking this long is dead air…</summary>
    public double DeadAirSeconds { get; init; } = 5;

    /// <summary>…and this long is long dead air.</summary>
    public double LongDeadAirSeconds { get; init; } = 15;

    /// <summary>Both sides speaking this long is over-talk.</summary>
    public int OverTalkMilliseconds { get; init; } = 300;

    /// <summary>Speech that starts over the other side and lasts less than this is a backchannel ("嗯", "对"), not an interruption.</summary>
    public int BackchannelMilliseconds { get; init; } = 1000;

    /// <summary>Agent speech separated by pauses shorter than this, with the caller silent, is one monologue.</summary>
    public double MonologuePauseSeconds { get; init; } = 2;
}
