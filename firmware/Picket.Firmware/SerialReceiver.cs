using System.IO.Ports;
using nanoFramework.Hardware.Esp32;

namespace Picket.Firmware
{
    /// <summary>
    /// The receiver UART: configures the ESP32 pins and hands raw bytes to the caller's buffer.
    /// Framing and decoding are the portable core's (tested on the desktop); this class only moves bytes.
    /// </summary>
    internal sealed class SerialReceiver
    {
        private readonly SerialPort _port;

        public SerialReceiver()
        {
            Configuration.SetPinFunction(BoardConfig.ReceiverRxPin, DeviceFunction.COM3_RX);
            Configuration.SetPinFunction(BoardConfig.ReceiverTxPin, DeviceFunction.COM3_TX);
            Configuration.SetPinFunction(BoardConfig.ReceiverRtsPin, DeviceFunction.COM3_RTS);
            Configuration.SetPinFunction(BoardConfig.ReceiverCtsPin, DeviceFunction.COM3_CTS);
            _port = new SerialPort(BoardConfig.ReceiverPort, BoardConfig.ReceiverBaudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.RequestToSend;
            _port.ReadBufferSize = 8192;
            _port.ReadTimeout = 50;
            _port.Open();
        }

        /// <summary>Bytes received since start.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>Reads what the UART holds, up to <paramref name="count"/> bytes; 0 when nothing is waiting.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            var available = _port.BytesToRead;
            if (available == 0)
            {
                return 0;
            }

            var read = _port.Read(buffer, offset, available < count ? available : count);
            BytesReceived += read;
            return read;
        }
    }
}
