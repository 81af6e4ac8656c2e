using System.Text;

namespace CallCenter.Host.Hosting;

public static class Csv
{
    /// <summary>A figure to one decimal place, empty when there is none.</summary>
    public static string Number(double? value) => value?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A CSV download in UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right.</summary>
    public static IResult File(StringBuilder csv, string fileName) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", fileName);

    /// <summary>A CSV field: quoted when it holds a separator or quote; a leading formula character is neutralised for spreadsheets.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
