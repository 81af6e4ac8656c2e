using System.Reflection;
using System.Text.Json;

namespace CallCenter.Calendar;

/// <summary>The official State Council arrangements shipped with the product (Calendar/Data/cn-YYYY.json).</summary>
public static class ShippedCalendars
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<YearCalendar> China()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("calendar.cn-", StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<YearCalendar>(stream, Json)!;
            })
            .OrderBy(y => y.Year)
            .ToList();
    }
}
