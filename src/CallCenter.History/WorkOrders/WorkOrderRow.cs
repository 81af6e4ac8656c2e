using System.Text.Json;
using CallCenter.History.Reporting;
using CallCenter.WorkOrders;

namespace CallCenter.History.WorkOrders;

/// <summary>One work order's latest summary, with what the lists select and sort on beside it.</summary>
public sealed class WorkOrderRow
{
    public required string OrderId { get; set; }

    /// <summary>The month it was opened in, yyyy-MM.</summary>
    public required string Month { get; set; }

    public bool Closed { get; set; }

    /// <summary>The call the order was opened from, if any.</summary>
    public string? CallId { get; set; }

    public long OpenedUtcTicks { get; set; }

    /// <summary>The summary as JSON (enums as names).</summary>
    public required string Summary { get; set; }

    public static string Json(WorkOrderSummary summary) => JsonSerializer.Serialize(summary, LegacyAuditImport.Json);

    public WorkOrderSummary ToSummary() => JsonSerializer.Deserialize<WorkOrderSummary>(Summary, LegacyAuditImport.Json)!;
}
