using System.Reflection;

[assembly: AssemblyTitle("Picket.Firmware")]
[assembly: AssemblyDescription("Picket sensor-mast gateway for nanoFramework (ESP32)")]
[assembly: AssemblyProduct("Picket")]
[assembly: AssemblyVersion("0.1.0.0")]
