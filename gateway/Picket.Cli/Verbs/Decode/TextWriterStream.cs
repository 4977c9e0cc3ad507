using System.Text;

namespace Picket.Cli.Verbs.Decode;

/// <summary>A write-only stream that forwards UTF-8 bytes to a <see cref="TextWriter"/> (in-process tests capture stdout this way).</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Span<char> chars = stackalloc char[Math.Max(1, Encoding.UTF8.GetMaxCharCount(Math.Min(buffer.Length, 1024)))];
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, 1024);
            var count = _decoder.GetChars(buffer[..take], chars, flush: false);
            writer.Write(chars[..count]);
            buffer = buffer[take..];
        }
    }
}
