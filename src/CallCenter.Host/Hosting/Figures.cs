namespace CallCenter.Host.Hosting;

/// <summary>How reports show averages and rates: two decimal places, halves away from zero (as scores are rounded).</summary>
public static class Figures
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Round(100m * part / whole);
}
