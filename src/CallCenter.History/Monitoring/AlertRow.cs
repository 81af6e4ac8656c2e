using System.Text.Json;
using CallCenter.Monitoring;

namespace CallCenter.History.Monitoring;

/// <summary>One alert as stored: its key, when it was raised and cleared, who acknowledged it with what note.</summary>
public sealed class AlertRow
{
    public required string AlertKey { get; set; }

    public long RaisedUtcTicks { get; set; }

    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public required string Message { get; set; }

    public string? Args { get; set; }

    public long? ClearedUtcTicks { get; set; }

    public string? AcknowledgedBy { get; set; }

    public long? AcknowledgedUtcTicks { get; set; }

    public string? Note { get; set; }

    public string? Department { get; set; }

    public string? Queues { get; set; }

    public Alert ToAlert() => new(
        AlertKey, Enum.Parse<AlertKind>(Kind), Subject, Message, At(RaisedUtcTicks), ClearedUtcTicks is { } cleared ? At(cleared) : null,
        AcknowledgedBy, AcknowledgedUtcTicks is { } acknowledged ? At(acknowledged) : null, Note, Department,
        Queues is null ? null : Queues.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Args is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(Args));

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);
}
