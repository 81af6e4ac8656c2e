namespace CallCenter.Knowledge;

/// <summary>
/// Full-text search that works for Chinese without a word segmenter: Han text is indexed as overlapping character
/// pairs (bigrams; a lone character as itself), other text as lower-case words and numbers. A hit's score is Σ over
/// the query's terms of term frequency × inverse document frequency, question terms counting twice, divided by a
/// gentle length factor so short precise entries are not buried by long ones.
/// </summary>
public sealed class KnowledgeSearch
{
    private readonly Dictionary<string, (KnowledgeVersion Version, Dictionary<string, double> Terms)> documents = [];

    public int Count => documents.Count;

    public void Put(string entryId, KnowledgeVersion version)
    {
        var terms = new Dictionary<string, double>();
        Add(terms, version.Content.Question, 2);
        Add(terms, version.Content.Answer, 1);
        Add(terms, string.Join(' ', version.Content.Tags), 2);
        Add(terms, string.Join(' ', version.Content.PolicyReferences), 1);
        documents[entryId] = (version, terms);
    }

    public IReadOnlyList<KnowledgeHit> Search(string query, DateOnly today, string? department, int limit)
    {
        var queryTerms = Terms(query).Distinct().ToList();
        if (queryTerms.Count == 0)
        {
            return [];
        }

        var valid = documents.Where(d =>
            (d.Value.Version.Content.ValidFrom is null || d.Value.Version.Content.ValidFrom <= today)
            && (d.Value.Version.Content.ValidTo is null || today <= d.Value.Version.Content.ValidTo)
            && (department is null || d.Value.Version.Content.Department is null || d.Value.Version.Content.Department == department)).ToList();
        var idf = queryTerms.ToDictionary(t => t, t => Math.Log(1 + (valid.Count + 1.0) / (1 + valid.Count(d => d.Value.Terms.ContainsKey(t)))));
        return valid
            .Select(d => (d.Key, d.Value.Version, Score: queryTerms.Sum(t => d.Value.Terms.GetValueOrDefault(t) * idf[t]) / Math.Sqrt(1 + d.Value.Terms.Count / 50.0)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Key, StringComparer.Ordinal)
            .Take(limit)
            .Select(h => new KnowledgeHit(h.Key, h.Version.Version, h.Version.Content.Question, h.Version.Content.Answer,
                h.Version.Content.PolicyReferences, h.Version.Content.Department, Math.Round(h.Score, 3)))
            .ToList();
    }

    /// <summary>Han runs → bigrams (or the single character); letters and digits → lower-case words.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (IsHan(text[i]))
            {
                var start = i;
                while (i < text.Length && IsHan(text[i]))
                {
                    i++;
                }

                if (i - start == 1)
                {
                    yield return text[start].ToString();
                }

                for (var k = start; k + 1 < i; k++)
                {
                    yield return text.Substring(k, 2);
                }
            }
            else if (char.IsLetterOrDigit(text[i]))
            {
                var start = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsHan(text[i]))
                {
                    i++;
                }

                yield return text[start..i].ToLowerInvariant();
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static void Add(Dictionary<string, double> terms, string text, double weight)
    {
        foreach (var term in Terms(text))
        {
            terms[term] = terms.GetValueOrDefault(term) + weight;
        }
    }
}
