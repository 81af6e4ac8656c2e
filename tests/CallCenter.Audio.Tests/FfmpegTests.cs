using System.Diagnostics;

namespace CallCenter.Audio.Tests;

/// <summary>Formats our reader does not know go through ffmpeg (./test.sh installs it).</summary>
public sealed class FfmpegTests
{
    [Fact]
    public void An_mp3_recording_is_decoded_through_ffmpeg_and_analysed_like_the_original()
    {
        var original = Path.Combine(AppContext.BaseDirectory, "Fixtures", "scenarios", "interruption.mulaw.wav");
        var mp3 = Path.Combine(Path.GetTempPath(), $"cc-{Guid.NewGuid():N}.mp3");
        Process ffmpeg;
        try
        {
            ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg", ["-loglevel", "error", "-i", original, "-c:a", "libmp3lame", "-b:a", "64k", mp3]))!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("ffmpeg is not installed: run the tests with ./test.sh, which installs it.");
        }

        ffmpeg.WaitForExit();
        try
        {
            Assert.Equal(0, ffmpeg.ExitCode);
            using var reader = AudioSource.Open(mp3);
            Assert.Equal(2, reader.Format.Channels);
            var analytics = CallAnalyzer.Analyze(reader).Analytics;
            var cut = Assert.Single(analytics.Interruptions!);
            Assert.Equal(("caller", 2.0), (cut.By, Math.Round(cut.At, 0)));
            Assert.InRange(analytics.DurationSeconds, 7.0, 7.2);
        }
        finally
        {
            File.Delete(mp3);
        }
    }
}
