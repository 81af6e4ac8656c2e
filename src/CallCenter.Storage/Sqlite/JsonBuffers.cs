using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;

namespace CallCenter.Storage.Sqlite;

/// <summary>
/// Buffers a grain state's JSON is written into and used again once its write is durable: a busy host writes thousands
/// of states a second, and a new array of each one's size was the largest single thing it allocated. A buffer grown
/// past <see cref="LargestKept"/> by one big state (a long queue) is left to the collector rather than kept.
/// </summary>
internal sealed class JsonBuffers
{
    private const int LargestKept = 256 * 1024;
    private readonly ObjectPool<JsonBuffer> pool = new DefaultObjectPool<JsonBuffer>(new Policy(), maximumRetained: 256);

    public JsonBuffer Rent() => pool.Get();

    public void Return(JsonBuffer buffer) => pool.Return(buffer);

    private sealed class Policy : IPooledObjectPolicy<JsonBuffer>
    {
        public JsonBuffer Create() => new();

        public bool Return(JsonBuffer buffer)
        {
            buffer.Clear();
            return buffer.Capacity <= LargestKept;
        }
    }
}

/// <summary>One buffer with the JSON writer over it.</summary>
internal sealed class JsonBuffer
{
    private readonly ArrayBufferWriter<byte> bytes = new(4096);

    public JsonBuffer() => Writer = new Utf8JsonWriter(bytes, JsonGrainStateSerializer.WriterOptions);

    public Utf8JsonWriter Writer { get; }

    public ReadOnlyMemory<byte> Written => bytes.WrittenMemory;

    public int Capacity => bytes.Capacity;

    public void Clear()
    {
        bytes.ResetWrittenCount();
        Writer.Reset(bytes);
    }
}
