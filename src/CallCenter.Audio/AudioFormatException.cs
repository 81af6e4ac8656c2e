namespace CallCenter.Audio;

public enum AudioProblem
{
    /// <summary>Not a RIFF/RF64 WAVE file at all.</summary>
    NotWave,

    /// <summary>The file ends inside a header or a declared chunk.</summary>
    Truncated,

    /// <summary>A well-formed file in an encoding or layout we do not read.</summary>
    Unsupported,

    /// <summary>Fields that contradict each other (block size, rate, channel count).</summary>
    Corrupt,

    /// <summary>A format only ffmpeg can read, and no ffmpeg on PATH.</summary>
    DecoderMissing,
}

/// <summary>Input that cannot be read as audio, with what is wrong; never garbage samples.</summary>
public sealed class AudioFormatException(AudioProblem problem, string message) : Exception(message)
{
    public AudioProblem Problem { get; } = problem;
}
