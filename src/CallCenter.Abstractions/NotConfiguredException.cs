namespace CallCenter;

/// <summary>The seat, queue or call has never been defined; the API answers 404.</summary>
[GenerateSerializer]
[Alias("CallCenter.NotConfiguredException")]
public sealed class NotConfiguredException(string entity, string id)
    : Exception($"{entity} '{id}' does not exist.")
{
    [Id(0)] public string Entity { get; } = entity;
    [Id(1)] public string EntityId { get; } = id;
}
