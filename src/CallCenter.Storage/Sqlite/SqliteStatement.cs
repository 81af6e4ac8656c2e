using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// One statement kept prepared on the writer's connection, bound and stepped through SQLite's own API. Through
/// Microsoft.Data.Sqlite every value bound allocated a binder and a UTF-8 copy of its text, and every scalar a reader
/// with its row: at a thousand call cycles a second about a tenth of what a host allocated. Here a name is looked up
/// once, text is handed to SQLite as the string's own UTF-16 (SQLite stores it as UTF-8, as before) and bytes as
/// they are; SQLite copies both before the call returns.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly Dictionary<string, int> indexes = [];

    public SqliteStatement(sqlite3 db, string sql)
    {
        this.db = db;
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>
    /// Runs the statement with the named values (null binds NULL; a name the statement does not have is left out, as
    /// Microsoft.Data.Sqlite does) and returns the first column of its first row, or null when it returns none. Text
    /// is a <see cref="string"/>, a whole number a <see cref="long"/> or <see cref="int"/>, bytes a <c>byte[]</c> or
    /// <see cref="ReadOnlyMemory{T}"/>, a time a <see cref="DateTimeOffset"/> (stored as round-trip text, "O").
    /// </summary>
    public object? Run(ReadOnlySpan<(string Name, object? Value)> values)
    {
        try
        {
            var bound = 0;
            foreach (var (name, value) in values)
            {
                if (Index(name) is var index and > 0)
                {
                    Check(Bind(index, name, value));
                    bound++;
                }
            }

            if (bound < raw.sqlite3_bind_parameter_count(statement))
            {
                throw new InvalidOperationException($"No value given for {string.Join(", ", Unbound(values))}.");
            }

            object? result = null;
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_ROW)
            {
                result = Column();
                while (rc == raw.SQLITE_ROW)
                {
                    rc = raw.sqlite3_step(statement);
                }
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return result;
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private int Index(string name)
    {
        if (!indexes.TryGetValue(name, out var index))
        {
            index = raw.sqlite3_bind_parameter_index(statement, name);
            indexes[name] = index;
        }

        return index;
    }

    private IEnumerable<string> Unbound(ReadOnlySpan<(string Name, object? Value)> values)
    {
        var given = values.ToArray().Select(v => v.Name).ToHashSet();
        return Enumerable.Range(1, raw.sqlite3_bind_parameter_count(statement))
            .Select(i => raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string())
            .Where(name => !given.Contains(name));
    }

    private int Bind(int index, string name, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        ReadOnlyMemory<byte> bytes => raw.sqlite3_bind_blob(statement, index, bytes.Span),
        DateTimeOffset time => RoundTrip(index, time),
        _ => throw new ArgumentException($"'{name}' is a {value.GetType().Name}, which the SQLite writer does not bind.", nameof(value)),
    };

    private int RoundTrip(int index, DateTimeOffset time)
    {
        Span<char> text = stackalloc char[40];
        time.TryFormat(text, out var length, "O", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text16(statement, index, text[..length]);
    }

    private object Column() => raw.sqlite3_column_type(statement, 0) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, 0),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, 0),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, 0).utf8_to_string(),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, 0).ToArray(),
        _ => DBNull.Value,
    };

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
