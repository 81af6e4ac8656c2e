using CallCenter.Audio.Wav;
using FFMpegCore;

namespace CallCenter.Audio;

/// <summary>
/// Opens any recording: WAVE directly with our reader; anything else (MP3, GSM, Opus…) through ffmpeg, converted
/// once to a temporary 16-bit PCM WAVE. Without ffmpeg on PATH, other formats fail with a clear message.
/// </summary>
public static class AudioSource
{
    /// <summary>Where to look for the ffmpeg binary; null means PATH.</summary>
    public static string? FfmpegFolder { get; set; }

    public static WavReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No recording at '{path}'.", path);
        }

        try
        {
            return WavReader.Open(path);
        }
        catch (AudioFormatException e) when (e.Problem is AudioProblem.NotWave or AudioProblem.Unsupported)
        {
            return OpenWithFfmpeg(path, e);
        }
    }

    private static WavReader OpenWithFfmpeg(string path, AudioFormatException why)
    {
        var ffmpeg = FindFfmpeg() ?? throw new AudioFormatException(
            AudioProblem.DecoderMissing,
            $"{why.Message} Other formats (MP3, GSM, Opus…) need ffmpeg on PATH (Debian: apt-get install ffmpeg).");
        var temporary = Path.Combine(Path.GetTempPath(), $"callcenter-{Guid.NewGuid():N}.wav");
        try
        {
            var result = FFMpegArguments.FromFileInput(path)
                .OutputToFile(temporary, overwrite: true, o => o.WithAudioCodec("pcm_s16le").ForceFormat("wav"))
                .ProcessSynchronously(throwOnError: false, new FFOptions { BinaryFolder = Path.GetDirectoryName(ffmpeg)! });
            if (!result.Success || !File.Exists(temporary))
            {
                throw new AudioFormatException(AudioProblem.Unsupported, $"ffmpeg could not decode '{Path.GetFileName(path)}'.");
            }

            var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.DeleteOnClose);
            return WavReader.Open(stream);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string? FindFfmpeg()
    {
        var folders = FfmpegFolder is { } folder ? [folder] : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return folders.Select(f => Path.Combine(f, OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg")).FirstOrDefault(File.Exists);
    }
}
