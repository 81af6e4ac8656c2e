namespace CallCenter.Knowledge;

/// <summary>What an author writes: the question as taxpayers ask it, the answer, and where it comes from.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Knowledge.KnowledgeContent")]
public sealed record KnowledgeContent(
    [property: Id(0)] string Question,
    [property: Id(1)] string Answer,
    [property: Id(2)] IReadOnlyList<string> PolicyReferences,
    [property: Id(3)] DateOnly? ValidFrom,
    [property: Id(4)] DateOnly? ValidTo,
    [property: Id(5)] IReadOnlyList<string> Tags,
    [property: Id(6)] string? Department,
    [property: Id(7)] IReadOnlyList<string> SourceOrders);

/// <summary>One approved version of an entry; earlier versions are kept.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Knowledge.KnowledgeVersion")]
public sealed record KnowledgeVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] KnowledgeContent Content,
    [property: Id(2)] string Author,
    [property: Id(3)] string ApprovedBy,
    [property: Id(4)] DateTimeOffset ApprovedAt);

/// <summary>An entry: its approved versions (the last is current) and the draft waiting for approval, if any.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Knowledge.KnowledgeEntry")]
public sealed record KnowledgeEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] KnowledgeVersion? Current,
    [property: Id(2)] KnowledgeContent? Draft,
    [property: Id(3)] string? DraftAuthor,
    [property: Id(4)] IReadOnlyList<KnowledgeVersion> History);

/// <summary>A search hit: the entry, its current question and answer, and how well it matched.</summary>
[GenerateSerializer, Immutable]
[Alias("CallCenter.Knowledge.KnowledgeHit")]
public sealed record KnowledgeHit(
    [property: Id(0)] string EntryId,
    [property: Id(1)] int Version,
    [property: Id(2)] string Question,
    [property: Id(3)] string Answer,
    [property: Id(4)] IReadOnlyList<string> PolicyReferences,
    [property: Id(5)] string? Department,
    [property: Id(6)] double Score);

[Alias("CallCenter.Knowledge.IKnowledgeEntryGrain")]
public interface IKnowledgeEntryGrain : IGrainWithStringKey
{
    /// <summary>Writes the draft (a new entry, or a revision of an approved one).</summary>
    [Alias("SaveDraft")] Task<KnowledgeEntry> SaveDraft(KnowledgeContent content, string author);

    /// <summary>The draft becomes the current version and is searchable; the approver may not be its author.</summary>
    [Alias("Approve")] Task<KnowledgeEntry> Approve(string approver);

    /// <summary>Throws <see cref="NotConfiguredException"/> for an entry never written.</summary>
    [Alias("Get")] Task<KnowledgeEntry> Get();
}

/// <summary>The search index over current versions (key 0), rebuilt from the entries it holds.</summary>
[Alias("CallCenter.Knowledge.IKnowledgeIndexGrain")]
public interface IKnowledgeIndexGrain : IGrainWithIntegerKey
{
    [Alias("Put")] Task Put(string entryId, KnowledgeVersion version);

    [Alias("Search")] Task<IReadOnlyList<KnowledgeHit>> Search(string query, DateOnly today, string? department, int limit);

    /// <summary>A draft waiting for approval (listed until its entry's next approved version is put).</summary>
    [Alias("Drafted")] Task Drafted(KnowledgeDraft draft);

    [Alias("Drafts")] Task<IReadOnlyList<KnowledgeDraft>> Drafts();
}

[GenerateSerializer, Immutable]
[Alias("CallCenter.Knowledge.KnowledgeDraft")]
public sealed record KnowledgeDraft(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string Question,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset At);
