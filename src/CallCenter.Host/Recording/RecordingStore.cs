using System.Security.Cryptography;
using System.Text.Json;
using CallCenter.Audio;
using CallCenter.Audio.Analysis;
using CallCenter.Audio.Wav;
using CallCenter.Reporting;

namespace CallCenter.Host.Recording;

/// <summary>
/// Keeps each call's recording as browser-playable 16-bit PCM WAV beside its analysis (peaks and talk analytics,
/// computed once at ingest) under {Directory}/{yyyy-MM}/{callId}.wav and .json. The ETag is the WAV's SHA-256.
/// </summary>
public sealed class RecordingStore(CallCenterSettings settings) : IRecordingFiles
{
    public sealed record Stored(string Sha256, long Bytes, double DurationSeconds, int AgentChannel, TalkAnalytics Analytics, Peaks Peaks);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> ingesting = new();

    public string Root => Path.GetFullPath(settings.Recordings.Directory ?? Path.Combine(settings.DataDir, "recordings"));

    /// <summary>Transcodes and analyses a recording in a temporary file, then moves both results into place.</summary>
    public async Task<(string Location, Stored Stored)> Ingest(string callId, string source, int agentChannel, DateTimeOffset at)
    {
        var location = Path.Combine(at.ToString("yyyy-MM"), callId);
        var target = Path.Combine(Root, location);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var wav = $"{target}.{Guid.NewGuid():N}.wav.part";
        await using (var output = File.Create(wav))
        {
            PcmTranscoder.ToPcm16(() => AudioSource.Open(source), output);
        }

        var result = CallAnalyzer.Analyze(wav, agentChannel);
        string hash;
        await using (var read = File.OpenRead(wav))
        {
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(read));
        }

        var stored = new Stored(hash, new FileInfo(wav).Length, result.Peaks.DurationSeconds, agentChannel, result.Analytics, result.Peaks);
        await File.WriteAllTextAsync(target + ".json", JsonSerializer.Serialize(stored, Json));
        File.Move(wav, target + ".wav", overwrite: true);
        return (location, stored);
    }

    public string WavPath(string location) => Inside(Path.Combine(Root, location + ".wav"));

    public async Task<Stored> Analysis(string location) =>
        JsonSerializer.Deserialize<Stored>(await File.ReadAllTextAsync(Inside(Path.Combine(Root, location + ".json"))), Json)!;

    /// <summary>
    /// Starts the one ingest of a call's recording this host runs at a time; null if one is already running (the
    /// caller answers 409). Dispose the result when done.
    /// </summary>
    public IDisposable? BeginIngest(string callId) =>
        ingesting.TryAdd(callId, true) ? new Ingesting(() => ingesting.TryRemove(callId, out _)) : null;

    /// <summary>Retention: every recording whose files were written before the cut-off goes, audio and analysis together.</summary>
    public IReadOnlyList<string> RemoveBefore(DateTimeOffset cutoff)
    {
        var removed = new List<string>();
        if (!Directory.Exists(Root))
        {
            return removed;
        }

        foreach (var month in Directory.EnumerateDirectories(Root))
        {
            foreach (var file in Directory.EnumerateFiles(month).Where(f => File.GetLastWriteTimeUtc(f) < cutoff.UtcDateTime).ToList())
            {
                File.Delete(file);
                if (file.EndsWith(".wav", StringComparison.Ordinal))
                {
                    removed.Add(Path.GetFileNameWithoutExtension(file));
                }
            }

            if (!Directory.EnumerateFileSystemEntries(month).Any())
            {
                Directory.Delete(month);
            }
        }

        return removed;
    }

    /// <summary>
    /// A path the softswitch reported must lie inside its configured recording store once every symbolic link on the
    /// way is followed: a link pointing out of the store is refused like a path that does.
    /// </summary>
    public string? Importable(string path)
    {
        if (settings.Recordings.ImportDirectory is not { } import)
        {
            return null;
        }

        var root = RealPath(Path.GetFullPath(import));
        var full = RealPath(Path.GetFullPath(Path.Combine(root, path)));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    /// <summary>The path with every symbolic link in it resolved, component by component.</summary>
    private static string RealPath(string path)
    {
        var root = Path.GetPathRoot(path)!;
        var current = root;
        foreach (var part in path[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            FileSystemInfo entry = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (entry.LinkTarget is not null)
            {
                current = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? current;
            }
        }

        return current;
    }

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : throw new NotConfiguredException("Recording", path);
    }

    private sealed class Ingesting(Action done) : IDisposable
    {
        public void Dispose() => done();
    }
}
