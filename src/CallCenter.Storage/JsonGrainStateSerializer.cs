using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallCenter.Storage;

/// <summary>Grain state as plain System.Text.Json: readable rows with no .NET type names in them.</summary>
public sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>What <see cref="Serialize{T}(T)"/> writes with, for a writer of the caller's own.</summary>
    public static JsonWriterOptions WriterOptions => new() { Encoder = Options.Encoder, Indented = Options.WriteIndented, SkipValidation = true };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    /// <summary>The same JSON as <see cref="Serialize{T}(T)"/>, into a writer (over a buffer) the caller keeps.</summary>
    public void Serialize<T>(T? input, Utf8JsonWriter output)
    {
        JsonSerializer.Serialize(output, input, Options);
        output.Flush();
    }

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
