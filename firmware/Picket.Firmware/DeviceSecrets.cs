namespace Picket.Firmware
{
    /// <summary>
    /// The board's bearer token. Replaced by the provisioning script before flashing
    /// (README: Provisioning); the placeholder makes an unprovisioned board fail authentication
    /// visibly instead of publishing as someone else.
    /// </summary>
    internal static class DeviceSecrets
    {
        public const string BearerToken = "UNPROVISIONED";
    }
}
