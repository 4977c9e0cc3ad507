using System;
using System.Net.Http;
using Picket.Uplink;

namespace Picket.Firmware
{
    /// <summary>
    /// Posts core-built gRPC-Web PublishBatch bodies over HTTP/1.1 and reads the ack with the
    /// core's decoder. No retry logic here: the caller keeps the batch until it is acked.
    /// </summary>
    internal sealed class HttpUplink
    {
        private readonly HttpClient _client;
        private readonly byte[] _response = new byte[256];

        public HttpUplink(string bearerToken)
        {
            _client = new HttpClient();
            _client.DefaultRequestHeaders.Add("Authorization", "Bearer " + bearerToken);
            _client.Timeout = TimeSpan.FromSeconds(20);
        }

        /// <summary>Sends <paramref name="length"/> bytes of <paramref name="body"/>; true with the ack when the server stored it.</summary>
        public bool TrySend(byte[] body, int length, out UplinkAck ack)
        {
            ack = new UplinkAck();
            var content = new ByteArrayContent(body, 0, length);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(GrpcWebFrame.ContentType);
            using (var response = _client.Post(BoardConfig.PublishUrl, content))
            {
                if (!response.IsSuccessStatusCode)
                {
                    return false;
                }

                var stream = response.Content.ReadAsStream();
                var total = 0;
                int read;
                while (total < _response.Length && (read = stream.Read(_response, total, _response.Length - total)) > 0)
                {
                    total += read;
                }

                return TryReadAck(total, out ack);
            }
        }

        private bool TryReadAck(int total, out UplinkAck ack)
        {
            ack = new UplinkAck();
            var haveAck = false;
            var status = -1;
            var offset = 0;
            byte flags;
            int payload;
            int payloadLength;
            while (GrpcWebFrame.TryReadFrame(_response, offset, total, out flags, out payload, out payloadLength))
            {
                if ((flags & GrpcWebFrame.TrailerFlag) != 0)
                {
                    GrpcWebFrame.TryReadStatus(_response, payload, payloadLength, out status);
                }
                else
                {
                    haveAck = AckDecoder.TryDecode(_response, payload, payloadLength, out ack);
                }

                offset = payload + payloadLength;
            }

            return haveAck && status == 0;
        }
    }
}
