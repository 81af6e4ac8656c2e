using System.Diagnostics;
using CallCenter.Audio.Analysis;
using CallCenter.Audio.Codecs;
using CallCenter.Audio.Wav;
using CallCenter.AudioBenchmark.Before;
using NAudio.Wave;

// The full analysis pass (decode, peaks, energies, voice activity, talk figures) and the PCM transcode over a long
// stereo μ-law call. Reports the real-time factor (audio seconds per CPU second of this process) and the peak
// working set. The baseline, measured in the same run, is a plain read of the same file's bytes; the decode pass is
// measured twice, through NAudio (the reader now) and through the hand-written reader it replaced ("before").
//   dotnet run -c Release --project loadtests/CallCenter.AudioBenchmark -- [minutes=60]
var minutes = args.Length > 0 ? double.Parse(args[0]) : 60;
var path = Path.Combine(Path.GetTempPath(), $"cc-bench-{Guid.NewGuid():N}.wav");
try
{
    var seconds = WriteCall(path, minutes * 60);
    var process = Process.GetCurrentProcess();
    GC.Collect();
    process.Refresh();
    var before = process.WorkingSet64;

    var (readCpu, _) = Measure(() =>
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        while (file.Read(buffer) > 0)
        {
        }
    });
    var (analyzeCpu, analyzeWall) = Measure(() => CallAnalyzer.Analyze(path));
    process.Refresh();
    var analysisPeak = process.PeakWorkingSet64; // before anything else runs: what the analysis pass adds

    var (decodeBeforeCpu, _) = Measure(() =>
    {
        using var reader = HandWrittenWavReader.Open(path);
        var samples = new float[2 * 4096];
        while (reader.Read(samples) > 0)
        {
        }
    });
    var (decodeCpu, _) = Measure(() =>
    {
        using var reader = WavReader.Open(path);
        var samples = new float[2 * 4096];
        while (reader.Read(samples) > 0)
        {
        }
    });
    var (transcodeCpu, _) = Measure(() => PcmTranscoder.ToPcm16(() => WavReader.Open(path), Stream.Null));
    process.Refresh();

    Console.WriteLine($"recording: {seconds / 60:F0} min stereo 8 kHz μ-law, {new FileInfo(path).Length / 1e6:F1} MB");
    Console.WriteLine($"baseline read:  {seconds / readCpu:F0}x real time (CPU)");
    Console.WriteLine($"decode pass:    {seconds / decodeCpu:F0}x real time (CPU) through NAudio; {seconds / decodeBeforeCpu:F0}x through the hand-written reader (before); after/before {decodeBeforeCpu / decodeCpu:F2}");
    Console.WriteLine($"analysis pass:  {seconds / analyzeCpu:F0}x real time (CPU), {analyzeWall:F2} s wall; ratio to baseline {readCpu / analyzeCpu:F3}");
    Console.WriteLine($"PCM transcode:  {seconds / transcodeCpu:F0}x real time (CPU)");
    Console.WriteLine($"peak working set: {analysisPeak / 1e6:F1} MB after the analysis pass, {(analysisPeak - before) / 1e6:F1} MB more than at the start ({before / 1e6:F1} MB); {process.PeakWorkingSet64 / 1e6:F1} MB after every pass");
}
finally
{
    File.Delete(path);
}

static (double CpuSeconds, double WallSeconds) Measure(Action action)
{
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    action();
    process.Refresh();
    return ((process.TotalProcessorTime - cpu).TotalSeconds, wall.Elapsed.TotalSeconds);
}

// Speech-like bursts: the agent talks for a few seconds, then the caller, with pauses and some over-talk.
static double WriteCall(string path, double seconds)
{
    const int rate = 8000;
    var frames = (long)(rate * seconds);
    using var file = new WaveFileWriter(path, WaveFormat.CreateMuLawFormat(rate, 2));
    var random = new Random(1);
    var chunk = new byte[rate * 2];
    for (long second = 0; second < frames / rate; second++)
    {
        var agentTalks = second % 12 < 5;
        var callerTalks = second % 12 is >= 4 and < 9;
        for (var i = 0; i < rate; i++)
        {
            var t = (second * rate + i) / (double)rate;
            var envelope = 0.5 + 0.5 * Math.Sin(2 * Math.PI * 4 * t);
            var agent = agentTalks ? 0.3 * envelope * Math.Sin(2 * Math.PI * 220 * t) : 0;
            var caller = callerTalks ? 0.3 * envelope * Math.Sin(2 * Math.PI * 330 * t) : 0;
            chunk[i * 2] = G711.EncodeMuLaw((short)((agent + 0.002 * random.NextDouble()) * 32767));
            chunk[i * 2 + 1] = G711.EncodeMuLaw((short)((caller + 0.002 * random.NextDouble()) * 32767));
        }

        file.Write(chunk);
    }

    return frames / (double)rate;
}
