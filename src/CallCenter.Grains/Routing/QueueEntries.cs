namespace CallCenter.Routing;

/// <summary>
/// The queue record's calls, indexed in memory: by call id, and those awaiting a seat in the order they are offered
/// (<see cref="AcdRanking.CallOrder"/>). A step of a call then costs the same however many calls wait; one that cost
/// more as the queue grew would let a backlog feed itself. Built from the record when the queue activates; every
/// change to the record's list, and to an entry's offer or hand-over, goes through here.
/// </summary>
public sealed class QueueEntries
{
    private readonly List<QueueEntry> stored;
    private readonly Dictionary<string, QueueEntry> byCall;
    private readonly SortedSet<QueueEntry> awaiting = new(AcdRanking.CallOrder);

    public QueueEntries(List<QueueEntry> stored)
    {
        this.stored = stored;
        byCall = new Dictionary<string, QueueEntry>(stored.Count);
        foreach (var entry in stored)
        {
            if (byCall.TryAdd(entry.CallId, entry))
            {
                Refile(entry);
            }
        }
    }

    /// <summary>Calls neither ringing nor being handed over.</summary>
    public int Waiting => awaiting.Count;

    public QueueEntry? Find(string callId) => byCall.GetValueOrDefault(callId);

    /// <summary>True while the entry is in the queue (not removed since it was taken from here).</summary>
    public bool Holds(QueueEntry entry) => Find(entry.CallId) == entry;

    /// <summary>The first <paramref name="take"/> calls awaiting a seat, in the order they are offered.</summary>
    public IReadOnlyList<QueueEntry> Next(int take) => [.. awaiting.Take(take)];

    public void Add(QueueEntry entry)
    {
        stored.Add(entry);
        byCall[entry.CallId] = entry;
        Refile(entry);
    }

    public void Remove(QueueEntry entry)
    {
        stored.Remove(entry);
        awaiting.Remove(entry);
        if (Holds(entry))
        {
            byCall.Remove(entry.CallId);
        }
    }

    /// <summary>Files the entry again after its offer or hand-over changed: among the calls awaiting a seat, or not.</summary>
    public void Refile(QueueEntry entry)
    {
        if (AcdRanking.AwaitsSeat(entry) && Holds(entry))
        {
            awaiting.Add(entry);
        }
        else
        {
            awaiting.Remove(entry);
        }
    }
}
