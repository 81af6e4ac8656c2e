using CallCenter.Monitoring;

namespace CallCenter.Host;

/// <summary>
/// What one wallboard connection watches: a department's seats, a queue and the seats serving it, or (no filter)
/// everything. Queue figures are the centre's, so a department scope still sees every queue. Each scope is one
/// SignalR group; it receives every batch version, possibly empty, so its clients can still detect gaps.
/// </summary>
public sealed record MonitorScope(string? Department, string? Queue)
{
    public static readonly MonitorScope Everything = new(null, null);

    public string Group => $"wallboard|{Department}|{Queue}";

    public bool Covers(SeatTile seat) =>
        (Department is null || seat.Department == Department) && (Queue is null || seat.Queues.Contains(Queue));

    public bool Covers(QueueTile queue) => Queue is null || queue.QueueId == Queue;

    public bool Covers(Alert alert) =>
        (Department is null || alert.Department is null || alert.Department == Department)
        && (Queue is null || (alert.Queues ?? []).Contains(Queue));

    public MonitorSnapshot Filter(MonitorSnapshot snapshot) => this == Everything
        ? snapshot
        : snapshot with { Seats = [.. snapshot.Seats.Where(Covers)], Queues = [.. snapshot.Queues.Where(Covers)], OpenAlerts = [.. snapshot.OpenAlerts.Where(Covers)] };

    /// <summary>From the connection's query string (<c>?department=</c>, <c>?queue=</c>); null when a value is unusable.</summary>
    public static MonitorScope? From(IQueryCollection query) => From(query, out _);

    /// <summary>As <see cref="From(IQueryCollection)"/>, naming the field that is too long when it returns null.</summary>
    public static MonitorScope? From(IQueryCollection query, out string? tooLong)
    {
        var scope = Of(query["department"].ToString(), query["queue"].ToString());
        tooLong = scope.Department is { Length: > 100 } ? "department" : scope.Queue is { Length: > 100 } ? "queue" : null;
        return tooLong is null ? scope : null;
    }

    /// <summary>A department and a queue as given, blank meaning none and spaces around dropped; neither is <see cref="Everything"/>.</summary>
    public static MonitorScope Of(string? department, string? queue) => new(Value(department), Value(queue));

    private static string? Value(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The scopes this host's wallboard connections watch, so the relay sends each its share of a batch.</summary>
public sealed class MonitorScopes
{
    private readonly Dictionary<MonitorScope, int> connections = [];

    public void Add(MonitorScope scope)
    {
        lock (connections)
        {
            connections[scope] = connections.GetValueOrDefault(scope) + 1;
        }
    }

    public void Remove(MonitorScope scope)
    {
        lock (connections)
        {
            if (connections.TryGetValue(scope, out var count) && count > 1)
            {
                connections[scope] = count - 1;
            }
            else
            {
                connections.Remove(scope);
            }
        }
    }

    public MonitorScope[] Active()
    {
        lock (connections)
        {
            return [.. connections.Keys];
        }
    }
}
