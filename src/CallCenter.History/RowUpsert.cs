using Microsoft.EntityFrameworkCore;

namespace CallCenter.History;

/// <summary>
/// Writes rows of one mapped table as upserts on its primary key — a row written again replaces itself — one statement
/// per chunk, without reading the rows first or tracking them. The statement is built once per store from the model's
/// columns (names and value conversions as mapped); every value is a parameter.
/// </summary>
public sealed class RowUpsert<TRow> where TRow : class
{
    private static RowUpsert<TRow>? sqlite;
    private static RowUpsert<TRow>? postgres;
    private readonly IReadOnlyList<(string Name, Func<TRow, object?> Value)> columns;
    private readonly string[] texts;

    private RowUpsert(HistoryDb db)
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var table = entity.GetSchema() is { } schema ? $"{schema}.{entity.GetTableName()}" : entity.GetTableName()!;
        columns = entity.GetProperties().Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var getter = p.GetGetter();
            return (p.GetColumnName(), (Func<TRow, object?>)(row => getter.GetClrValue(row) is { } value ? converter?.ConvertToProvider(value) ?? value : null));
        }).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToList();

        // SQLite looks each parameter up by name in time that grows with their number: a few rows per statement there.
        RowsPerStatement = db.Database.IsSqlite() ? Math.Max(1, 160 / columns.Count) : 200;
        var names = string.Join(", ", columns.Select(c => c.Name));
        var updates = string.Join(", ", columns.Where(c => !key.Contains(c.Name)).Select(c => $"{c.Name} = excluded.{c.Name}"));
        texts = new string[RowsPerStatement + 1];
        for (var rows = 1; rows <= RowsPerStatement; rows++)
        {
            // Only numbered placeholders are joined into the text.
            var tuples = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => $"{{{r * columns.Count + c}}}")) + ")");
            texts[rows] = $"INSERT INTO {table} ({names}) VALUES {string.Join(", ", tuples)} ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {updates}";
        }
    }

    public int RowsPerStatement { get; }

    public static RowUpsert<TRow> For(HistoryDb db) => db.Database.IsSqlite() ? sqlite ??= new RowUpsert<TRow>(db) : postgres ??= new RowUpsert<TRow>(db);

    /// <summary>Writes the rows in the context's current transaction (the caller opens one around all its statements).</summary>
    public async Task Write(HistoryDb db, IReadOnlyList<TRow> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var values = new List<object>(chunk.Length * columns.Count);
            foreach (var row in chunk)
            {
                foreach (var (_, value) in columns)
                {
                    values.Add(value(row)!);
                }
            }

            await db.Database.ExecuteSqlRawAsync(texts[chunk.Length], values);
        }
    }
}
