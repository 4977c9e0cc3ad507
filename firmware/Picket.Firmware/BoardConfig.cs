namespace Picket.Firmware
{
    /// <summary>
    /// Board wiring and site settings. Pins follow hardware/esp32-wiring.md; a technician
    /// changes the site values here (or in the board's configuration block) before flashing.
    /// </summary>
    internal static class BoardConfig
    {
        /// <summary>Receiver UART: ESP32 UART2 (COM3 in nanoFramework numbering is UART2).</summary>
        public const string ReceiverPort = "COM3";

        /// <summary>GPIO16: UART2 RX from the receiver's TX (3.3 V level).</summary>
        public const int ReceiverRxPin = 16;

        /// <summary>GPIO17: UART2 TX to the receiver's RX.</summary>
        public const int ReceiverTxPin = 17;

        /// <summary>GPIO18: RTS, GPIO19: CTS (Beast framing at 3 Mbaud needs hardware flow control).</summary>
        public const int ReceiverRtsPin = 18;

        /// <summary>GPIO19: CTS input.</summary>
        public const int ReceiverCtsPin = 19;

        /// <summary>Mode-S Beast serial rate: 3,000,000 baud, 8N1.</summary>
        public const int ReceiverBaudRate = 3000000;

        /// <summary>Gateway id; must match the bearer token issued for this board.</summary>
        public const string GatewayId = "esp32-mast-1";

        /// <summary>PublishBatch endpoint (gRPC-Web over HTTP/1.1).</summary>
        public const string PublishUrl = "https://picket.example.net/picket.v1.TrackIngest/PublishBatch";

        /// <summary>Seconds between batches.</summary>
        public const int BatchPeriodSeconds = 5;

        /// <summary>Largest batch body in bytes (bounds RAM use; ESP32 WROVER has 4 MB PSRAM, WROOM 320 KB).</summary>
        public const int BatchBufferBytes = 16 * 1024;
    }
}
