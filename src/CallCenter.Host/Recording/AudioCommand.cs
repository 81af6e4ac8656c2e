using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CallCenter.Audio;
using CallCenter.Audio.Analysis;
using CallCenter.Audio.Wav;

namespace CallCenter.Host.Recording;

/// <summary>
/// `audio analyze|peaks|to-pcm` for operators: talk analytics or waveform peaks as JSON, or a browser-playable copy.
/// </summary>
public static class AudioCommand
{
    public const string Usage = """
        usage: audio analyze <file> [--agent-channel 0|1] [--hold <start>-<end>[,<start>-<end>…]]
               audio peaks <file>
               audio to-pcm <in> <out>
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            switch (args)
            {
                case ["analyze", var file, .. var options]:
                    var (agentChannel, hold) = Options(options);
                    using (var reader = AudioSource.Open(file))
                    {
                        output.WriteLine(JsonSerializer.Serialize(CallAnalyzer.Analyze(reader, agentChannel, hold).Analytics, Json));
                    }

                    return 0;
                case ["peaks", var file]:
                    using (var reader = AudioSource.Open(file))
                    {
                        output.WriteLine(JsonSerializer.Serialize(CallAnalyzer.Analyze(reader).Peaks, Json));
                    }

                    return 0;
                case ["to-pcm", var input, var target]:
                    using (var file = File.Create(target))
                    {
                        PcmTranscoder.ToPcm16(() => AudioSource.Open(input), file);
                    }

                    output.WriteLine($"wrote {target}");
                    return 0;
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is AudioFormatException or FileNotFoundException or ArgumentException or FormatException)
        {
            error.WriteLine($"audio: {e.Message}");
            return 1;
        }
    }

    private static (int AgentChannel, List<Segment> Hold) Options(string[] options)
    {
        var agentChannel = 0;
        var hold = new List<Segment>();
        for (var i = 0; i < options.Length; i++)
        {
            var value = i + 1 < options.Length ? options[i + 1] : throw new ArgumentException($"{options[i]} needs a value.");
            switch (options[i])
            {
                case "--agent-channel":
                    agentChannel = value is "0" or "1" ? int.Parse(value, CultureInfo.InvariantCulture) : throw new ArgumentException("--agent-channel is 0 or 1.");
                    break;
                case "--hold":
                    hold.AddRange(value.Split(',').Select(span =>
                    {
                        var parts = span.Split('-');
                        return parts.Length == 2
                            ? new Segment(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture))
                            : throw new ArgumentException($"--hold spans look like 12.5-30, not '{span}'.");
                    }));
                    break;
                default:
                    throw new ArgumentException($"Unknown option {options[i]}.\n{Usage}");
            }

            i++;
        }

        return (agentChannel, hold);
    }
}
