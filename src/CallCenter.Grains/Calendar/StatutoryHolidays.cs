using System.Globalization;

namespace CallCenter.Calendar;

/// <summary>
/// The days off that the national holiday regulation (全国年节及纪念日放假办法) fixes by date, for a year whose official
/// arrangement is not published yet. Only the statutory days: the bridging days and make-up working days (调休) of the
/// State Council's yearly notice cannot be known in advance. From 2025 the regulation gives 春节 four days (除夕 to
/// 初三) and 劳动节 two (1–2 May); before, three (初一 to 初三) and one.
/// </summary>
public static class StatutoryHolidays
{
    private const int RevisedFrom = 2025;
    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The years it answers for: this century's, within the lunar calendar's range (to early 2101).</summary>
    public static bool Covers(int year) => year is >= 2000 and <= 2100;

    public static IReadOnlyList<Holiday> For(int year)
    {
        if (!Covers(year))
        {
            return [];
        }

        var revised = year >= RevisedFrom;
        var newYear = LunarDate(year, 1, 1);
        var springFrom = revised ? newYear.AddDays(-1) : newYear;
        var qingming = Qingming(year);
        var dragonBoat = LunarDate(year, 5, 5);
        var midAutumn = LunarDate(year, 8, 15);
        return
        [
            new("元旦", "New Year's Day", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            new("春节", "Spring Festival", springFrom, newYear.AddDays(2)),
            new("清明节", "Qingming Festival", qingming, qingming),
            new("劳动节", "Labour Day", new DateOnly(year, 5, 1), new DateOnly(year, 5, revised ? 2 : 1)),
            new("端午节", "Dragon Boat Festival", dragonBoat, dragonBoat),
            new("中秋节", "Mid-Autumn Festival", midAutumn, midAutumn),
            new("国庆节", "National Day", new DateOnly(year, 10, 1), new DateOnly(year, 10, 3)),
        ];
    }

    /// <summary>A date of the lunar year that begins in <paramref name="year"/>; a leap month shifts the later months' numbers.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明, the solar term at the sun's longitude 15°: 4 or 5 April in this century, from the term's mean date (the
    /// 21st-century constant 4.81 days, the tropical year's 0.2422-day drift, reset by each leap day).
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }
}
