namespace CallCenter.Host.Hosting;

public static class Csv
{
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
