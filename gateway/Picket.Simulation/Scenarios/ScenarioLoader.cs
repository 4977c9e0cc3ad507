using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Picket.Simulation.Scenarios;

/// <summary>
/// Reads scenario files and the built-in scenarios, and checks every value: a bad file fails
/// with the key (JSON path) and the reason, never later in the middle of a run.
/// </summary>
public static class ScenarioLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter<TargetClass>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        // Source-generated metadata: no reflection, so the loader works trimmed and NativeAOT-compiled.
        TypeInfoResolver = ScenarioJsonContext.Default,
    };

    /// <summary>Names of the scenarios built into this assembly.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ScenarioLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Picket.Simulation.Scenarios.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n["Picket.Simulation.Scenarios.".Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Loads a built-in scenario by name.</summary>
    /// <exception cref="ScenarioException">No such scenario, or it is invalid.</exception>
    public static ScenarioDefinition LoadBuiltIn(string name)
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream($"Picket.Simulation.Scenarios.{name}.json")
            ?? throw new ScenarioException($"no built-in scenario '{name}'; known: {string.Join(", ", BuiltInNames)}");
        return Load(stream, name);
    }

    /// <summary>Loads a scenario file.</summary>
    /// <exception cref="ScenarioException">The file is unreadable or invalid.</exception>
    public static ScenarioDefinition LoadFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var scenario = Load(stream, path);
            scenario.SourceDirectory = Path.GetDirectoryName(Path.GetFullPath(path));
            return scenario;
        }
        catch (IOException e)
        {
            throw new ScenarioException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Opens the scenario's zones file (GeoJSON), or returns null when it names none.</summary>
    /// <exception cref="ScenarioException">The file is missing.</exception>
    public static Stream? OpenZones(ScenarioDefinition scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Zones is null)
        {
            return null;
        }

        if (scenario.SourceDirectory is null)
        {
            return typeof(ScenarioLoader).Assembly.GetManifestResourceStream("Picket.Simulation.Scenarios." + scenario.Zones)
                ?? throw new ScenarioException($"{scenario.Name}: zones: no built-in zones file '{scenario.Zones}'");
        }

        var path = Path.Combine(scenario.SourceDirectory, scenario.Zones);
        return File.Exists(path) ? File.OpenRead(path) : throw new ScenarioException($"{scenario.Name}: zones: file '{path}' does not exist");
    }

    /// <summary>
    /// Writes the scenario's zones (GeoJSON) to <c>zones.geojson</c> in <paramref name="directory"/>,
    /// for a gateway's <c>Zones:Path</c>, and returns that path, or null when the scenario names none.
    /// </summary>
    /// <exception cref="ScenarioException">The zones file is missing.</exception>
    public static string? WriteZones(ScenarioDefinition scenario, string directory)
    {
        using var zones = OpenZones(scenario);
        if (zones is null)
        {
            return null;
        }

        var path = Path.Combine(directory, "zones.geojson");
        using var file = File.Create(path);
        zones.CopyTo(file);
        return path;
    }

    /// <summary>Parses and validates a scenario from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ScenarioException">The JSON is malformed or a value is out of range.</exception>
    public static ScenarioDefinition Load(Stream stream, string source)
    {
        ScenarioDefinition? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize(stream, (JsonTypeInfo<ScenarioDefinition>)Options.GetTypeInfo(typeof(ScenarioDefinition)));
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"{source}: {e.Path ?? "$"}: {e.Message}", e);
        }

        if (scenario is null)
        {
            throw new ScenarioException($"{source}: the file holds no scenario");
        }

        Validate(scenario, source);
        return scenario;
    }

    private static void Validate(ScenarioDefinition s, string source)
    {
        var check = new Checker(source);
        check.That(s.Name.Length > 0, "name", "is required");
        check.Range(s.DurationS, 1, 7 * 86_400, "duration_s");
        check.Range(s.TemperatureDeviationC, -60, 60, "temperature_deviation_c");
        check.Range(s.QnhHpa, 900, 1_100, "qnh_hpa");
        if (s.TuningSeeds.Count == 0)
        {
            s.TuningSeeds = [s.Seed];
        }

        for (var i = 0; i < s.HeldOutSeeds.Count; i++)
        {
            check.That(!s.TuningSeeds.Contains(s.HeldOutSeeds[i]), $"held_out_seeds[{i}]", $"{s.HeldOutSeeds[i]} is also a tuning seed (held-out seeds must be unseen)");
            check.That(s.HeldOutSeeds.IndexOf(s.HeldOutSeeds[i]) == i, $"held_out_seeds[{i}]", $"{s.HeldOutSeeds[i]} is listed twice");
        }

        CheckPosition(check, s.Site, "site");
        if (s.Radar is { } radar)
        {
            check.Range(radar.Sac, 0, 255, "radar.sac");
            check.Range(radar.Sic, 0, 255, "radar.sic");
            check.Range(radar.ScanPeriodS, 0.5, 60, "radar.scan_period_s");
            check.Range(radar.MaxRangeM, 1_000, 600_000, "radar.max_range_m");
            check.Range(radar.SigmaRangeM, 0, 5_000, "radar.sigma_range_m");
            check.Range(radar.SigmaAzimuthDeg, 0, 5, "radar.sigma_azimuth_deg");
            check.Range(radar.DetectionProbability, 0, 1, "radar.detection_probability");
            check.Range(radar.ClutterPerScan, 0, 10_000, "radar.clutter_per_scan");
            check.Range(radar.SigmaHeightM, 0, 5_000, "radar.sigma_height_m");
            check.Range(radar.MinimumElevationDeg, -5, 10, "radar.minimum_elevation_deg");
            if (radar.PdReferenceRangeM is { } pdRange)
            {
                check.Range(pdRange, 100, 600_000, "radar.pd_reference_range_m");
                check.Range(radar.DetectionProbability, 1e-6, 0.999_999, "radar.detection_probability");
            }

            check.Range(radar.FalseAlarmProbability, 1e-12, 0.1, "radar.false_alarm_probability");
            check.Range(radar.AzimuthBiasDeg, -5, 5, "radar.azimuth_bias_deg");
            check.Range(radar.ClutterMinimumHeightM, -500, 30_000, "radar.clutter_minimum_height_m");
            check.Range(radar.ClutterMaximumHeightM, radar.ClutterMinimumHeightM, 30_000, "radar.clutter_maximum_height_m");
            for (var i = 0; i < radar.ClutterAreas.Count; i++)
            {
                var area = radar.ClutterAreas[i];
                var areaKey = $"radar.clutter_areas[{i}]";
                check.Range(area.AzimuthFromDeg, 0, 360, areaKey + ".azimuth_from_deg");
                check.Range(area.AzimuthToDeg, 0, 360, areaKey + ".azimuth_to_deg");
                check.Range(area.RangeFromM, 0, radar.MaxRangeM, areaKey + ".range_from_m");
                check.Range(area.RangeToM, area.RangeFromM, radar.MaxRangeM, areaKey + ".range_to_m");
                check.Range(area.PlotsPerScan, 0, 10_000, areaKey + ".plots_per_scan");
                check.Range(area.Persistence, 0, 1, areaKey + ".persistence");
                check.Range(area.JitterM, 0, 10_000, areaKey + ".jitter_m");
                check.Range(area.HeightM, -500, 30_000, areaKey + ".height_m");
            }
            if (radar.Position is not null)
            {
                CheckPosition(check, radar.Position, "radar.position");
            }
        }

        if (s.Adsb is { } adsb)
        {
            check.Range(adsb.MaxRangeM, 1_000, 900_000, "adsb.max_range_m");
            check.Range(adsb.PositionRateHz, 0, 10, "adsb.position_rate_hz");
            check.Range(adsb.VelocityRateHz, 0, 10, "adsb.velocity_rate_hz");
            check.Range(adsb.IdentificationRateHz, 0, 10, "adsb.identification_rate_hz");
            check.Range(adsb.LossProbability, 0, 1, "adsb.loss_probability");
            check.Range(adsb.BitErrorProbability, 0, 1, "adsb.bit_error_probability");
            check.Range(adsb.TwoBitErrorProbability, 0, 1, "adsb.two_bit_error_probability");
            if (adsb.NacP is { } nacP)
            {
                check.Range(nacP, 1, 11, "adsb.nac_p");
            }

            check.Range(adsb.MaximumLatencyS, 0, 2, "adsb.maximum_latency_s");
            check.Range(adsb.BadPositionProbability, 0, 1, "adsb.bad_position_probability");
            check.Range(adsb.BadPositionOffsetM, 0, 100_000, "adsb.bad_position_offset_m");
            if (adsb.ReceptionNear is { } near)
            {
                check.Range(near, 0, 1, "adsb.reception_near");
                check.Range(adsb.ReceptionFar, 0, 1, "adsb.reception_far");
            }

            check.Range(adsb.OperationalStatusRateHz, 0, 10, "adsb.operational_status_rate_hz");
        }

        for (var i = 0; i < s.Targets.Count; i++)
        {
            var t = s.Targets[i];
            var key = $"targets[{i}]";
            check.That(t.Name.Length > 0, key + ".name", "is required");
            CheckPosition(check, t.Start, key + ".start");
            check.Range(t.SpeedMS, 0, 1_000, key + ".speed_m_s");
            check.Range(t.HeadingDeg, -360, 360, key + ".heading_deg");
            check.Range(t.AppearS, 0, s.DurationS, key + ".appear_s");
            if (t.DisappearS is { } disappear)
            {
                check.Range(disappear, t.AppearS, s.DurationS, key + ".disappear_s");
            }

            if (t.Icao is not null)
            {
                check.That(TryParseIcao(t.Icao, out _), key + ".icao", $"'{t.Icao}' is not 6 hex digits (000001 to FFFFFF)");
            }

            if (t.Squawk is not null)
            {
                check.That(TryParseSquawk(t.Squawk, out _), key + ".squawk", $"'{t.Squawk}' is not 4 octal digits");
            }

            if (t.Callsign is not null)
            {
                check.That(t.Callsign.Length is > 0 and <= 8 && t.Callsign.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' '), key + ".callsign", "must be 1 to 8 of A-Z, 0-9, space");
            }

            check.That(!t.Adsb || (t.Transponder && t.Icao is not null), key + ".adsb", "needs transponder: true and an icao address");
            check.Range(t.TransponderOnS, 0, s.DurationS, key + ".transponder_on_s");
            if (t.NacP is { } targetNacP)
            {
                check.That(t.Adsb, key + ".nac_p", "needs adsb: true");
                check.Range(targetNacP, 1, 11, key + ".nac_p");
            }
            for (var j = 0; j < t.Legs.Count; j++)
            {
                var leg = t.Legs[j];
                var legKey = $"{key}.legs[{j}]";
                check.Range(leg.DurationS, 0, 7 * 86_400, legKey + ".duration_s");
                check.Range(leg.TurnRateDegS, -30, 30, legKey + ".turn_rate_deg_s");
                check.Range(leg.VerticalRateMS, -200, 200, legKey + ".vertical_rate_m_s");
                check.Range(leg.AccelerationMS2, -50, 50, legKey + ".acceleration_m_s2");
            }
        }

        if (s.RandomTraffic is { } traffic)
        {
            check.Range(traffic.Count, 0, 5_000, "random_traffic.count");
            check.Range(traffic.RadiusM, 1_000, 600_000, "random_traffic.radius_m");
            check.That(traffic.MinimumAltitudeM <= traffic.MaximumAltitudeM, "random_traffic.minimum_altitude_m", "is above maximum_altitude_m");
            check.That(traffic.MinimumSpeedMS <= traffic.MaximumSpeedMS && traffic.MinimumSpeedMS > 0, "random_traffic.minimum_speed_m_s", "must be positive and at most maximum_speed_m_s");
            check.That(TryParseIcao(traffic.FirstIcao, out _), "random_traffic.first_icao", "is not 6 hex digits");
        }
    }

    private static void CheckPosition(Checker check, PositionDefinition? p, string key)
    {
        if (p is null)
        {
            check.That(false, key, "is required");
            return;
        }

        check.Range(p.LatitudeDeg, -90, 90, key + ".latitude_deg");
        check.Range(p.LongitudeDeg, -180, 180, key + ".longitude_deg");
        check.Range(p.AltitudeM, -500, 30_000, key + ".altitude_m");
    }

    /// <summary>Parses 6 hex digits into a 24-bit ICAO address.</summary>
    public static bool TryParseIcao(string text, out int address) =>
        int.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address) && text.Length == 6 && address is > 0 and <= 0xFFFFFF;

    /// <summary>Parses 4 octal digits (Mode 3/A code) into its 12-bit value.</summary>
    public static bool TryParseSquawk(string text, out int code)
    {
        code = 0;
        if (text.Length != 4)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            code = (code << 3) | (c - '0');
        }

        return true;
    }

    private sealed class Checker(string source)
    {
        public void That(bool condition, string key, string reason)
        {
            if (!condition)
            {
                throw new ScenarioException($"{source}: {key}: {reason}");
            }
        }

        public void Range(double value, double minimum, double maximum, string key) =>
            That(
                !double.IsNaN(value) && value >= minimum && value <= maximum,
                key,
                string.Create(CultureInfo.InvariantCulture, $"{value} is outside {minimum} to {maximum}"));
    }
}
