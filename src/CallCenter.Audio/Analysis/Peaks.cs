namespace CallCenter.Audio.Analysis;

/// <summary>
/// Per-channel waveform outline: the largest absolute sample of each frame, 0–1, rounded to 1/1000. A player
/// (wavesurfer.js: peaks + duration) draws it without downloading the audio.
/// </summary>
public sealed record Peaks(int SampleRate, double DurationSeconds, int FrameMilliseconds, IReadOnlyList<float[]> Channels);

public sealed record AnalysisResult(Peaks Peaks, TalkAnalytics Analytics, IReadOnlyList<float[]> EnergyDbfs);
