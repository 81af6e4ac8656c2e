using System.Text.Json;
using CallCenter.Audio;
using CallCenter.Audio.Wav;
using CallCenter.Host.Recording;

namespace CallCenter.Host.Tests;

public sealed class AudioCommandTests
{
    private static readonly string Recording = Path.Combine(AppContext.BaseDirectory, "Fixtures", "interruption.mulaw.wav");

    private static (int Code, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AudioCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Analyze_prints_the_talk_analytics_as_json()
    {
        var (code, output, _) = Run("analyze", Recording, "--agent-channel", "0");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.False(json.GetProperty("mono").GetBoolean());
        Assert.Equal("caller", json.GetProperty("interruptions")[0].GetProperty("by").GetString());

        var swapped = JsonDocument.Parse(Run("analyze", Recording, "--agent-channel", "1").Out).RootElement;
        Assert.Equal("agent", swapped.GetProperty("interruptions")[0].GetProperty("by").GetString());
    }

    [Fact]
    public void Peaks_prints_one_outline_per_channel()
    {
        var (code, output, _) = Run("peaks", Recording);
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("channels").GetArrayLength());
        Assert.Equal(350, json.GetProperty("channels")[0].GetArrayLength());
        Assert.Equal(7.0, json.GetProperty("durationSeconds").GetDouble(), 3);
    }

    [Fact]
    public void To_pcm_writes_a_browser_playable_copy()
    {
        var target = Path.Combine(Path.GetTempPath(), $"cc-{Guid.NewGuid():N}.wav");
        try
        {
            Assert.Equal(0, Run("to-pcm", Recording, target).Code);
            using var copy = WavReader.Open(target);
            using var original = WavReader.Open(Recording);
            Assert.Equal((SampleEncoding.Pcm, 16, 2), (copy.Format.Encoding, copy.Format.BitsPerSample, copy.Format.Channels));
            Assert.Equal(original.FrameCount, copy.FrameCount);
        }
        finally
        {
            File.Delete(target);
        }
    }

    [Fact]
    public void Other_formats_without_ffmpeg_fail_with_a_clear_message()
    {
        var mp3 = Path.Combine(Path.GetTempPath(), $"cc-{Guid.NewGuid():N}.mp3");
        var empty = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllBytes(mp3, "ID3\x04\0\0\0\0\0\0 not really audio"u8.ToArray());
        AudioSource.FfmpegFolder = empty;
        try
        {
            var (code, _, error) = Run("analyze", mp3);
            Assert.Equal(1, code);
            Assert.Contains("ffmpeg", error);
        }
        finally
        {
            AudioSource.FfmpegFolder = null;
            File.Delete(mp3);
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("transcode", "a", "b")]
    [InlineData("analyze", "x.wav", "--agent-channel", "7")]
    [InlineData("analyze", "x.wav", "--hold", "soon")]
    public void Wrong_usage_is_explained(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
