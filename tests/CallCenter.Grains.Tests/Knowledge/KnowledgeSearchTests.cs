using CallCenter.Knowledge;

namespace CallCenter.Grains.Tests.Knowledge;

public sealed class KnowledgeSearchTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Han_text_becomes_character_pairs_and_other_text_lower_case_words()
    {
        Assert.Equal(["增值", "值税", "2023", "年第", "19", "号"], KnowledgeSearch.Terms("增值税 2023年第19号"));
        Assert.Equal(["个税", "app", "申报"], KnowledgeSearch.Terms("个税APP申报"));
        Assert.Equal(["税"], KnowledgeSearch.Terms("税"));
    }

    [Fact]
    public void The_entry_that_matches_the_question_ranks_first_and_invalid_or_other_departments_entries_are_left_out()
    {
        var search = new KnowledgeSearch();
        search.Put("vat-small", Version("小规模纳税人月销售额10万元以下是否免征增值税？", "2023年至2027年，小规模纳税人月销售额10万元以下免征增值税。", "增值税"));
        search.Put("iit-child", Version("子女教育专项附加扣除标准是多少？", "每个子女每月2000元。", "个人所得税"));
        search.Put("invoice", Version("如何开具增值税电子普通发票？", "通过电子发票服务平台开具。", "发票"));
        search.Put("old", Version("小规模纳税人免征增值税的旧标准", "月销售额3万元以下。", "增值税") with { Content = Version("小规模纳税人免征增值税的旧标准", "月销售额3万元以下。", "增值税").Content with { ValidTo = new DateOnly(2020, 12, 31) } });
        search.Put("levy-only", Version("小规模纳税人免征增值税的征管口径", "征管科内部口径。", "增值税") with { Content = Version("x", "y", "z").Content with { Question = "小规模纳税人免征增值税的征管口径", Department = "levy" } });

        var hits = search.Search("小规模纳税人免征增值税", Today, department: "tax", limit: 10);
        Assert.Equal("vat-small", hits[0].EntryId);
        Assert.DoesNotContain(hits, h => h.EntryId is "old" or "levy-only" or "iit-child");
        Assert.Contains(hits, h => h.EntryId == "invoice"); // shares 增值/值税, ranked below
        Assert.True(hits[0].Score > hits.Single(h => h.EntryId == "invoice").Score);
        Assert.Equal("iit-child", search.Search("子女教育扣除", Today, null, 10)[0].EntryId);
        Assert.Empty(search.Search("!!!", Today, null, 10));
    }

    private static KnowledgeVersion Version(string question, string answer, string tag) =>
        new(1, new KnowledgeContent(question, answer, [], null, null, [tag], null, []), "author", "approver", DateTimeOffset.UnixEpoch);
}
