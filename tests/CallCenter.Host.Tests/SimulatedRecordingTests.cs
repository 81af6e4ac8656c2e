using CallCenter.Audio;
using CallCenter.Audio.Analysis;
using CallCenter.Audio.Wav;

namespace CallCenter.Host.Tests;

public sealed class SimulatedRecordingTests
{
    [Fact]
    public void The_simulators_recordings_are_stereo_mu_law_with_both_parties_speaking_in_turns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-sim-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, SimulatedRecording.Create(20, new Random(3)));
        try
        {
            using var reader = AudioSource.Open(path);
            Assert.Equal((SampleEncoding.MuLaw, 2, 8000), (reader.Format.Encoding, reader.Format.Channels, reader.Format.SampleRate));
            var analytics = CallAnalyzer.Analyze(reader).Analytics;
            Assert.InRange(analytics.DurationSeconds, 19.9, 20.1);
            Assert.False(analytics.Mono);
            Assert.InRange(analytics.AgentTalkSeconds, 3, 15);
            Assert.InRange(analytics.CallerTalkSeconds!.Value, 3, 15);
            Assert.True(analytics.AgentSpeech.Count > 1 && analytics.CallerSpeech!.Count > 1, "several turns each");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
