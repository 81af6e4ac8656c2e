namespace CallCenter.Knowledge;

[GenerateSerializer]
public sealed class KnowledgeEntryRecord
{
    [Id(0)] public List<KnowledgeVersion> Versions { get; set; } = [];
    [Id(1)] public KnowledgeContent? Draft { get; set; }
    [Id(2)] public string? DraftAuthor { get; set; }
}

[GrainType("knowledge-entry")]
public sealed class KnowledgeEntryGrain(
    [PersistentState("knowledge-entry", StorageNames.Grains)] IPersistentState<KnowledgeEntryRecord> entry,
    CallCenterClock clock) : Grain, IKnowledgeEntryGrain
{
    private string Id => this.GetPrimaryKeyString();

    async Task<KnowledgeEntry> IKnowledgeEntryGrain.SaveDraft(KnowledgeContent content, string author)
    {
        if (content.ValidFrom is { } from && content.ValidTo is { } to && to < from)
        {
            throw new DomainValidationException("validTo", "An entry stops being valid on or after the day it starts.");
        }

        entry.State.Draft = content;
        entry.State.DraftAuthor = author;
        await entry.WriteStateAsync();
        await GrainFactory.GetGrain<IKnowledgeIndexGrain>(0).Drafted(new KnowledgeDraft(Id, content.Question, author, clock.Now));
        await Audit.Record(GrainFactory, clock, author, "knowledge-draft", $"knowledge:{Id}", content.Question);
        return View();
    }

    async Task<KnowledgeEntry> IKnowledgeEntryGrain.Approve(string approver)
    {
        if (entry.State.Draft is not { } draft)
        {
            throw new RuleViolationException($"Knowledge entry '{Id}' has no draft to approve.");
        }

        if (approver == entry.State.DraftAuthor)
        {
            throw new NotPermittedException("A draft is approved by someone other than its author.");
        }

        var version = new KnowledgeVersion(entry.State.Versions.Count + 1, draft, entry.State.DraftAuthor!, approver, clock.Now);
        entry.State.Versions.Add(version);
        entry.State.Draft = null;
        entry.State.DraftAuthor = null;
        await entry.WriteStateAsync();
        await GrainFactory.GetGrain<IKnowledgeIndexGrain>(0).Put(Id, version);
        await Audit.Record(GrainFactory, clock, approver, "knowledge-approve", $"knowledge:{Id}", $"version {version.Version}");
        return View();
    }

    Task<KnowledgeEntry> IKnowledgeEntryGrain.Get() =>
        Task.FromResult(entry.State.Versions.Count == 0 && entry.State.Draft is null ? throw new NotConfiguredException("Knowledge entry", Id) : View());

    private KnowledgeEntry View() =>
        new(Id, entry.State.Versions.LastOrDefault(), entry.State.Draft, entry.State.DraftAuthor, entry.State.Versions.ToArray());
}

[GenerateSerializer]
public sealed class KnowledgeIndexRecord
{
    [Id(0)] public Dictionary<string, KnowledgeVersion> Current { get; set; } = [];

    [Id(1)] public Dictionary<string, KnowledgeDraft> Drafts { get; set; } = [];
}

/// <summary>Keeps every entry's current version; the term index is rebuilt in memory on activation.</summary>
[GrainType("knowledge-index")]
public sealed class KnowledgeIndexGrain(
    [PersistentState("knowledge-index", StorageNames.Grains)] IPersistentState<KnowledgeIndexRecord> index) : Grain, IKnowledgeIndexGrain
{
    private readonly KnowledgeSearch search = new();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, version) in index.State.Current)
        {
            search.Put(id, version);
        }

        return Task.CompletedTask;
    }

    async Task IKnowledgeIndexGrain.Put(string entryId, KnowledgeVersion version)
    {
        index.State.Current[entryId] = version;
        index.State.Drafts.Remove(entryId);
        await index.WriteStateAsync();
        search.Put(entryId, version);
    }

    Task<IReadOnlyList<KnowledgeHit>> IKnowledgeIndexGrain.Search(string query, DateOnly today, string? department, int limit) =>
        Task.FromResult(search.Search(query, today, department, limit));

    async Task IKnowledgeIndexGrain.Drafted(KnowledgeDraft draft)
    {
        index.State.Drafts[draft.EntryId] = draft;
        await index.WriteStateAsync();
    }

    Task<IReadOnlyList<KnowledgeDraft>> IKnowledgeIndexGrain.Drafts() =>
        Task.FromResult<IReadOnlyList<KnowledgeDraft>>(index.State.Drafts.Values.OrderBy(d => d.At).ToArray());
}
