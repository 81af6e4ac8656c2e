using System.Buffers.Binary;
using System.Diagnostics;
using CallCenter.Audio.Analysis;
using CallCenter.Audio.Codecs;
using CallCenter.Audio.Wav;

// The full analysis pass (decode, peaks, energies, voice activity, talk figures) and the PCM transcode over a long
// stereo μ-law call. Reports the real-time factor (audio seconds per CPU second of this process) and the peak
// working set. The baseline, measured in the same run, is a plain read of the same file's bytes.
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
    var (transcodeCpu, _) = Measure(() => PcmTranscoder.ToPcm16(() => WavReader.Open(path), Stream.Null));
    process.Refresh();

    Console.WriteLine($"recording: {seconds / 60:F0} min stereo 8 kHz μ-law, {new FileInfo(path).Length / 1e6:F1} MB");
    Console.WriteLine($"baseline read:  {seconds / readCpu:F0}x real time (CPU)");
    Console.WriteLine($"analysis pass:  {seconds / analyzeCpu:F0}x real time (CPU), {analyzeWall:F2} s wall; ratio to baseline {readCpu / analyzeCpu:F3}");
    Console.WriteLine($"PCM transcode:  {seconds / transcodeCpu:F0}x real time (CPU)");
    Console.WriteLine($"peak working set: {process.PeakWorkingSet64 / 1e6:F1} MB (process at start of measurement: {before / 1e6:F1} MB)");
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
    using var file = File.Create(path);
    var header = new byte[44];
    "RIFF"u8.CopyTo(header);
    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(36 + frames * 2));
    "WAVEfmt "u8.CopyTo(header.AsSpan(8));
    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 16);
    BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(20), 7);
    BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(22), 2);
    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(24), rate);
    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), rate * 2);
    BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 2);
    BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(34), 8);
    "data"u8.CopyTo(header.AsSpan(36));
    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(40), (uint)(frames * 2));
    file.Write(header);
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
