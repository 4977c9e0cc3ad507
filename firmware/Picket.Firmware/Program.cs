using System;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Networking;
using Picket.Uplink;

namespace Picket.Firmware
{
    /// <summary>
    /// Board entry point: joins Wi-Fi, reads the receiver UART, and publishes a batch every
    /// <see cref="BoardConfig.BatchPeriodSeconds"/> seconds until the server acks it.
    /// </summary>
    /// <remarks>
    /// Stage: the UART bytes are counted and will feed the core's framers, decoders and tracker
    /// as those land (issues 3-5); until then batches carry no tracks and serve as an acked
    /// heartbeat that proves the uplink path end to end.
    /// </remarks>
    public static class Program
    {
        public static void Main()
        {
            // Credentials are stored on the device by the provisioning step (README), not in code.
            if (!WifiNetworkHelper.Reconnect(requiresDateTime: true, token: new CancellationTokenSource(60000).Token))
            {
                Debug.WriteLine("picket: no Wi-Fi; retrying after reboot");
                Thread.Sleep(10000);
                nanoFramework.Runtime.Native.Power.RebootDevice();
            }

            var receiver = new SerialReceiver();
            var uplink = new HttpUplink(DeviceSecrets.BearerToken);
            var serialBuffer = new byte[4096];
            var batchBuffer = new byte[BoardConfig.BatchBufferBytes];
            var batch = new BatchRequestWriter(batchBuffer);
            long sequence = 1;
            var nextBatch = DateTime.UtcNow.AddSeconds(BoardConfig.BatchPeriodSeconds);

            while (true)
            {
                receiver.Read(serialBuffer, 0, serialBuffer.Length);

                if (DateTime.UtcNow < nextBatch)
                {
                    Thread.Sleep(5);
                    continue;
                }

                nextBatch = DateTime.UtcNow.AddSeconds(BoardConfig.BatchPeriodSeconds);
                batch.Begin(BoardConfig.GatewayId, sequence, (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10);
                var length = batch.Finish();
                UplinkAck ack;
                if (length > 0 && uplink.TrySend(batchBuffer, length, out ack) && ack.AckedSequence >= sequence)
                {
                    sequence = ack.AckedSequence + 1;
                }

                // Not acked: the same sequence goes again next period (the server dedupes resends).
            }
        }
    }
}
