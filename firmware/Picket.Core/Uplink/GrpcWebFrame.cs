namespace Picket.Uplink;

/// <summary>
/// The gRPC-Web message framing (gRPC PROTOCOL-WEB.md, same as gRPC over HTTP/2's
/// Length-Prefixed-Message): one flag byte, then the payload length as a 4-byte big-endian
/// integer, then the payload. Flag bit 0x80 marks the trailer frame, whose payload is the
/// trailers as HTTP/1 header lines (<c>grpc-status:0\r\n</c>).
/// </summary>
/// <remarks>Boards that only have HTTP/1.1 call PublishBatch this way.</remarks>
public static class GrpcWebFrame
{
    /// <summary>Size of the frame header.</summary>
    public const int HeaderLength = 5;

    /// <summary>Flag of a trailer frame.</summary>
    public const byte TrailerFlag = 0x80;

    /// <summary>The content type of a binary gRPC-Web request carrying protobuf.</summary>
    public const string ContentType = "application/grpc-web+proto";

    /// <summary>Writes the header of an uncompressed data frame whose payload of <paramref name="payloadLength"/> bytes follows at <paramref name="offset"/> + 5.</summary>
    public static void WriteDataHeader(byte[] buffer, int offset, int payloadLength)
    {
        buffer[offset] = 0;
        buffer[offset + 1] = (byte)(payloadLength >> 24);
        buffer[offset + 2] = (byte)(payloadLength >> 16);
        buffer[offset + 3] = (byte)(payloadLength >> 8);
        buffer[offset + 4] = (byte)payloadLength;
    }

    /// <summary>Reads the frame at <paramref name="offset"/> of a response body of <paramref name="end"/> bytes.</summary>
    /// <param name="buffer">The response body.</param>
    /// <param name="offset">Where the frame starts.</param>
    /// <param name="end">Index just past the last byte of the body.</param>
    /// <param name="flags">The frame's flag byte (0x80: trailers; 0x01: compressed).</param>
    /// <param name="payloadOffset">Where the payload starts.</param>
    /// <param name="payloadLength">The payload's length.</param>
    /// <returns>False when the frame is truncated.</returns>
    public static bool TryReadFrame(byte[] buffer, int offset, int end, out byte flags, out int payloadOffset, out int payloadLength)
    {
        flags = 0;
        payloadOffset = 0;
        payloadLength = 0;
        if (end - offset < HeaderLength)
        {
            return false;
        }

        var length = ((uint)buffer[offset + 1] << 24) | ((uint)buffer[offset + 2] << 16) | ((uint)buffer[offset + 3] << 8) | buffer[offset + 4];
        if (length > (uint)(end - offset - HeaderLength))
        {
            return false;
        }

        flags = buffer[offset];
        payloadOffset = offset + HeaderLength;
        payloadLength = (int)length;
        return true;
    }

    /// <summary>
    /// Finds <c>grpc-status</c> in a trailer frame's payload (header names are case-insensitive).
    /// </summary>
    /// <param name="buffer">Holds the trailer payload.</param>
    /// <param name="offset">Where the payload starts.</param>
    /// <param name="count">The payload's length.</param>
    /// <param name="status">The gRPC status code (0 = OK).</param>
    /// <returns>False when the trailers carry no valid status.</returns>
    public static bool TryReadStatus(byte[] buffer, int offset, int count, out int status)
    {
        status = 0;
        var end = offset + count;
        var lineStart = offset;
        while (lineStart < end)
        {
            var lineEnd = lineStart;
            while (lineEnd < end && buffer[lineEnd] != (byte)'\n')
            {
                lineEnd++;
            }

            if (StartsWithStatusName(buffer, lineStart, lineEnd))
            {
                var i = lineStart + StatusName.Length;
                while (i < lineEnd && buffer[i] == (byte)' ')
                {
                    i++;
                }

                var digits = 0;
                var value = 0;
                while (i < lineEnd && buffer[i] >= (byte)'0' && buffer[i] <= (byte)'9' && digits < 3)
                {
                    value = (value * 10) + (buffer[i] - (byte)'0');
                    digits++;
                    i++;
                }

                status = value;
                return digits > 0;
            }

            lineStart = lineEnd + 1;
        }

        return false;
    }

    private const string StatusName = "grpc-status:";

    private static bool StartsWithStatusName(byte[] buffer, int start, int end)
    {
        if (end - start < StatusName.Length)
        {
            return false;
        }

        for (var i = 0; i < StatusName.Length; i++)
        {
            var c = buffer[start + i];
            if (c >= (byte)'A' && c <= (byte)'Z')
            {
                c = (byte)(c + 32);
            }

            if (c != (byte)StatusName[i])
            {
                return false;
            }
        }

        return true;
    }
}
