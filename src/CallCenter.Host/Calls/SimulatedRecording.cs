using CallCenter.Audio.Codecs;
using NAudio.Wave;

namespace CallCenter.Host;

/// <summary>
/// The traffic simulator's recordings: stereo G.711 μ-law at 8 kHz (agent left, caller right), as softswitches
/// record calls, written by NAudio's WAVE writer (μ-law fmt chunk and a fact chunk). Speech is imitated by
/// syllable-like voiced bursts in alternating turns, with now and then a long silence (dead air) or both speaking at
/// once, so the analytics and the grader's player have something to show.
/// </summary>
public static class SimulatedRecording
{
    private const int Rate = 8000;

    public static byte[] Create(double seconds, Random random)
    {
        var frames = (int)(seconds * Rate);
        var agent = new float[frames];
        var caller = new float[frames];
        var at = 0.3;
        var speaker = 0;
        while (at < seconds - 0.5)
        {
            var turn = 1 + random.NextDouble() * 3;
            Speak(speaker == 0 ? agent : caller, at, Math.Min(at + turn, seconds - 0.2), random);
            if (random.NextDouble() < 0.15)
            {
                Speak(speaker == 0 ? caller : agent, at + turn - 0.6, Math.Min(at + turn + 0.4, seconds - 0.2), random); // over-talk
            }

            at += turn + (random.NextDouble() < 0.1 ? 3 + random.NextDouble() * 4 : 0.2 + random.NextDouble() * 0.6);
            speaker = 1 - speaker;
        }

        using var file = new MemoryStream();
        using (var writer = new WaveFileWriter(file, WaveFormat.CreateMuLawFormat(Rate, 2)))
        {
            var data = new byte[frames * 2];
            for (var i = 0; i < frames; i++)
            {
                data[2 * i] = G711.EncodeMuLaw((short)Math.Clamp(agent[i] * 32767, -32768, 32767));
                data[2 * i + 1] = G711.EncodeMuLaw((short)Math.Clamp(caller[i] * 32767, -32768, 32767));
            }

            writer.Write(data);
        }

        return file.ToArray();
    }

    private static void Speak(float[] channel, double from, double to, Random random)
    {
        var at = from;
        while (at < to)
        {
            var length = 0.12 + random.NextDouble() * 0.2;
            var pitch = 110 + random.NextDouble() * 140;
            var loudness = 0.15 + random.NextDouble() * 0.25;
            var start = (int)(at * Rate);
            var count = (int)(Math.Min(length, to - at) * Rate);
            for (var i = 0; i < count && start + i < channel.Length; i++)
            {
                var t = (double)i / Rate;
                var envelope = Math.Sin(Math.PI * i / count);
                var voice = Math.Sin(2 * Math.PI * pitch * t) + 0.5 * Math.Sin(4 * Math.PI * pitch * t) + 0.25 * Math.Sin(6 * Math.PI * pitch * t);
                channel[start + i] += (float)(loudness * envelope * voice / 1.75 + 0.01 * (random.NextDouble() - 0.5));
            }

            at += length + 0.03 + random.NextDouble() * 0.1;
        }
    }
}
