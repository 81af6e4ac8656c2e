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

    public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input, Options);

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
