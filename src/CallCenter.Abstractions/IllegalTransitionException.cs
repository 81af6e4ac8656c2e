namespace CallCenter;

/// <summary>A state machine refused an action in its current state; the API answers 409.</summary>
[GenerateSerializer]
[Alias("CallCenter.IllegalTransitionException")]
public sealed class IllegalTransitionException : Exception
{
    public IllegalTransitionException(string entity, string id, string from, string action)
        : base($"{entity} '{id}' cannot {action} while {from}.")
    {
        Entity = entity;
        EntityId = id;
        From = from;
        Action = action;
    }

    [Id(0)] public string Entity { get; }
    [Id(1)] public string EntityId { get; }
    [Id(2)] public string From { get; }
    [Id(3)] public string Action { get; }
}
