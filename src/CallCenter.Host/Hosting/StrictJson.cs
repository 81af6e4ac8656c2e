using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Host.Hosting;

/// <summary>JSON request bodies as the API accepts them: <see cref="InputRules"/> for every string and date, no null list elements.</summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new Text());
        options.Converters.Add(new Day());
        options.Converters.Add(new Instant());
        options.Converters.Add(new ListsWithoutNulls());
    }

    private sealed class Text : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected a string.");
            }

            var value = reader.GetString()!;
            return InputRules.TextProblem(value) is { } problem ? throw new JsonException($"The text {problem}.") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class Day : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", out var day))
            {
                throw new JsonException("Expected a date as yyyy-MM-dd.");
            }

            return InputRules.IsPlausible(day) ? day : throw new JsonException($"The date {InputRules.DateProblem}.");
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class Instant : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant))
            {
                throw new JsonException("Expected a moment in ISO 8601, e.g. 2026-11-28T09:30:00+08:00.");
            }

            return InputRules.IsPlausible(DateOnly.FromDateTime(instant.UtcDateTime)) ? instant : throw new JsonException($"The moment {InputRules.DateProblem}.");
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A list in a request never holds null: <c>[null]</c> is refused where it is read, not dereferenced later.</summary>
    private sealed class ListsWithoutNulls : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>)
            && (!typeToConvert.GenericTypeArguments[0].IsValueType || Nullable.GetUnderlyingType(typeToConvert.GenericTypeArguments[0]) is not null);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(NoNulls<>).MakeGenericType(typeToConvert.GenericTypeArguments[0]))!;
    }

    private sealed class NoNulls<T> : JsonConverter<List<T>>
    {
        public override List<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("Expected a list.");
            }

            var list = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    throw new JsonException("A list may not contain null.");
                }

                list.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }

            return list;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.AsEnumerable(), options);
    }
}
