using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallCenter.Reporting;

namespace CallCenter.History.Reporting;

/// <summary>
/// The audit trail's hash chain: a line's hash is SHA-256 over the previous line's hash and the line's own fields
/// (written as a JSON array, so no separator inside a field can make two lines read alike). A day starts from a hash
/// of its own date.
/// </summary>
public static class AuditChain
{
    public static string Genesis(string day) => Sha256($"callcenter-audit:{day}");

    public static AuditEntry Link(AuditEntry entry, string previous) =>
        entry with { Previous = previous, Hash = HashOf(entry, previous) };

    public static AuditVerification Verify(string day, IReadOnlyList<AuditEntry> entries)
    {
        var unchained = 0;
        while (unchained < entries.Count && entries[unchained].Hash is null && entries[unchained].Previous is null)
        {
            unchained++;
        }

        var previous = Genesis(day);
        for (var i = unchained; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.Previous != previous)
            {
                return Broken(i, "it does not follow the line before it (a line was removed, inserted or reordered)");
            }

            if (entry.Hash != HashOf(entry, previous))
            {
                return Broken(i, "its content does not match its hash (the line was changed)");
            }

            previous = entry.Hash!;
        }

        return new AuditVerification(day, entries.Count, true, null, null, unchained, entries.Count > unchained ? previous : null);

        AuditVerification Broken(int at, string why) => new(day, entries.Count, false, at, $"Line {at + 1}: {why}.", unchained, null);
    }

    private static string HashOf(AuditEntry e, string previous) =>
        Sha256(previous + "\n" + JsonSerializer.Serialize(new[] { e.At.ToUniversalTime().ToString("O"), e.Actor, e.Action, e.Subject, e.Detail }));

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
