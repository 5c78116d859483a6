using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;
using Module = TorchSharp.torch.nn.Module;

namespace LocSharp.Models;

/// <summary>
/// A module's named tensors as bytes: count, then per tensor its name, element type (float32 or float16), shape
/// and little-endian values. Float16 halves shipped models; checkpoints keep float32 to resume exactly.
/// </summary>
public static class TensorArchive
{
    public enum Precision : byte { Float32 = 0, Float16 = 1 }

    public static byte[] Write(Module module, Precision precision)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var state = module.state_dict();
            writer.Write(state.Count);
            foreach (var (name, tensor) in state)
            {
                writer.Write(name);
                writer.Write((byte)precision);
                writer.Write(tensor.shape.Length);
                foreach (long dim in tensor.shape) writer.Write(dim);
                using var scope = NewDisposeScope(); // detach, cpu and to make intermediates
                var values = tensor.detach().cpu().to(ScalarType.Float32).contiguous();
                foreach (float value in values.data<float>())
                {
                    if (precision == Precision.Float16) writer.Write((Half)value);
                    else writer.Write(value);
                }
            }
        }
        return memory.ToArray();
    }

    /// <summary>Copies the archive's tensors into the module; every name and shape must match exactly.</summary>
    /// <exception cref="InvalidDataException">The archive does not fit the module.</exception>
    public static void Read(byte[] bytes, Module module, string source)
    {
        var state = module.state_dict();
        using var reader = new BinaryReader(new MemoryStream(bytes));
        try
        {
            int count = reader.ReadInt32();
            if (count != state.Count)
                throw new InvalidDataException($"{source}: holds {count} tensors, the network has {state.Count}.");
            using var noGrad = no_grad();
            for (int i = 0; i < count; i++)
            {
                string name = reader.ReadString();
                var precision = (Precision)reader.ReadByte();
                if (precision is not (Precision.Float32 or Precision.Float16))
                    throw new InvalidDataException($"{source}: tensor '{name}' has unknown element type {(byte)precision}.");
                var shape = new long[reader.ReadInt32()];
                for (int d = 0; d < shape.Length; d++) shape[d] = reader.ReadInt64();
                if (!state.TryGetValue(name, out var target))
                    throw new InvalidDataException($"{source}: tensor '{name}' is not part of the network.");
                if (!target.shape.SequenceEqual(shape))
                    throw new InvalidDataException($"{source}: tensor '{name}' has shape [{string.Join(", ", shape)}], the network expects [{string.Join(", ", target.shape)}].");
                var values = new float[shape.Aggregate(1L, (a, b) => a * b)];
                for (long v = 0; v < values.Length; v++)
                    values[v] = precision == Precision.Float16 ? (float)reader.ReadHalf() : reader.ReadSingle();
                using var loaded = tensor(values, shape);
                target.copy_(loaded);
            }
            if (reader.BaseStream.Position != reader.BaseStream.Length)
                throw new InvalidDataException($"{source}: {reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes after the last tensor.");
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{source}: the tensor data ends early; the file is truncated.");
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
