using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CallCenter.History;

/// <summary>What a row written again on an existing key does to the stored one.</summary>
public enum OnConflict
{
    /// <summary>Replaces it: a retried or replayed row leaves one row with its last values.</summary>
    Replace,

    /// <summary>Adds its values (every column outside the key) to the stored ones: for running totals.</summary>
    Add,
}

/// <summary>
/// Writes rows of one mapped table as upserts on its primary key, without reading the rows first or tracking them.
/// The statement is built once per store from the model's columns (names and value conversions as mapped); every
/// value is a parameter. On PostgreSQL a statement carries many rows (one round trip each); on SQLite, in the same
/// process, one prepared single-row statement runs once per row: SQLite finds each parameter by name in a list, so a
/// many-row statement costs its rows squared in lookups, besides being parsed anew for each chunk.
/// </summary>
public sealed class RowUpsert<TRow> where TRow : class
{
    private const int PostgresRowsPerStatement = 200;
    private static readonly ConcurrentDictionary<(bool Sqlite, OnConflict Rule), RowUpsert<TRow>> Built = new();

    private readonly IReadOnlyList<Func<TRow, object?>> values;
    private readonly string[] texts;

    private RowUpsert(HistoryDb db, OnConflict rule)
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var table = entity.GetSchema() is { } schema ? $"{schema}.{entity.GetTableName()}" : entity.GetTableName()!;
        var properties = entity.GetProperties().ToList();
        values = properties.Select(p =>
        {
            var converter = p.GetTypeMapping().Converter;
            var getter = p.GetGetter();
            return (Func<TRow, object?>)(row => getter.GetClrValue(row) is { } value ? converter?.ConvertToProvider(value) ?? value : null);
        }).ToList();
        var columns = properties.Select(p => p.GetColumnName()).ToList();
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToList();
        var updates = string.Join(", ", columns.Where(c => !key.Contains(c)).Select(c => rule == OnConflict.Add
            ? $"{c} = {table}.{c} + excluded.{c}"
            : $"{c} = excluded.{c}"));

        RowsPerStatement = db.Database.IsSqlite() ? 1 : PostgresRowsPerStatement;
        texts = new string[RowsPerStatement + 1];
        for (var rows = 1; rows <= RowsPerStatement; rows++)
        {
            var tuples = Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", columns.Select((_, c) => Parameter(r * columns.Count + c))) + ")");
            texts[rows] = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", tuples)} " +
                          $"ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {updates}";
        }
    }

    public int RowsPerStatement { get; }

    public static RowUpsert<TRow> For(HistoryDb db, OnConflict rule = OnConflict.Replace) =>
        Built.GetOrAdd((db.Database.IsSqlite(), rule), _ => new RowUpsert<TRow>(db, rule));

    /// <summary>
    /// Writes the rows in the context's current transaction, which the caller opens around all its statements (one
    /// commit for the batch). One command serves every chunk: on SQLite it stays prepared from the first row to the last.
    /// </summary>
    public async Task Write(HistoryDb db, IReadOnlyList<TRow> rows)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Rows are upserted inside a transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            if (command.Parameters.Count != chunk.Length * values.Count)
            {
                command.Parameters.Clear();
                command.CommandText = texts[chunk.Length];
                for (var n = 0; n < chunk.Length * values.Count; n++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = Parameter(n);
                    command.Parameters.Add(parameter);
                }
            }

            for (var r = 0; r < chunk.Length; r++)
            {
                for (var c = 0; c < values.Count; c++)
                {
                    command.Parameters[r * values.Count + c].Value = values[c](chunk[r]) ?? DBNull.Value;
                }
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static string Parameter(int n) => $"@p{n}";
}
