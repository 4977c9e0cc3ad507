using System.Text;

namespace Picket.Simulation.Scenarios;

/// <summary>Scenario files: every built-in one loads; a bad one names the key and the reason.</summary>
public class ScenarioLoaderTests
{
    [Fact]
    public void BuiltInNames_ListsTheRequiredScenarios()
    {
        Assert.Contains("gulf-of-finland-incursion", ScenarioLoader.BuiltInNames);
        Assert.Contains("crossing-targets", ScenarioLoader.BuiltInNames);
        Assert.Contains("manoeuvres", ScenarioLoader.BuiltInNames);
        Assert.Contains("drones-in-clutter", ScenarioLoader.BuiltInNames);
        Assert.Contains("busy-sky", ScenarioLoader.BuiltInNames);
        Assert.Contains("civil-only", ScenarioLoader.BuiltInNames);
    }

    [Fact]
    public void LoadBuiltIn_Every_LoadsAndItsZonesOpen()
    {
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            var scenario = ScenarioLoader.LoadBuiltIn(name);
            Assert.Equal(name, scenario.Name);
            using var zones = ScenarioLoader.OpenZones(scenario);
            Assert.True(scenario.Zones is null || zones is not null);
        }
    }

    [Fact]
    public void LoadBuiltIn_BusySky_HasThreeHundredAircraft()
    {
        Assert.Equal(300, new ScenarioSimulation(ScenarioLoader.LoadBuiltIn("busy-sky")).Targets.Count);
    }

    [Fact]
    public void LoadBuiltIn_BorderSkim_EveryJetComesAsNearTheBandAsDesignedAndNeverEnters()
    {
        // The designed closest approaches (the scene file's comments), metres south of the band's
        // southern edge, the parallel of 59.40° N between 23.40° and 27.60° E: every enter alert
        // on these jets is false only if the simulator flies them as designed.
        var designed = new Dictionary<string, double>
        {
            ["skim-1"] = 150, ["skim-2"] = 300, ["skim-3"] = 500, ["skim-4"] = 150, ["skim-5"] = 300, ["skim-6"] = 500,
            ["skim-7"] = 200, ["skim-8"] = 400, ["skim-9"] = 250, ["skim-10"] = 100, ["parallel-1"] = 200, ["parallel-2"] = 400,
        };
        var simulation = new ScenarioSimulation(ScenarioLoader.LoadBuiltIn("border-skim"));
        var northmost = new Dictionary<int, Truth.TruthState>();
        foreach (var truth in simulation.Run().OfType<Events.TruthEvent>())
        {
            if (!northmost.TryGetValue(truth.TargetIndex, out var state) || truth.State.Position.LatitudeDegrees > state.Position.LatitudeDegrees)
            {
                northmost[truth.TargetIndex] = truth.State;
            }
        }

        foreach (var (name, metres) in designed)
        {
            var state = northmost[simulation.Targets.Single(t => t.Name == name).Index];
            var latitude = Geodesy.Wgs84.ToRadians(59.40);
            var south = Geodesy.Wgs84.ToRadians(59.40 - state.Position.LatitudeDegrees) * Geodesy.Wgs84.MeridianRadius(latitude);
            Assert.InRange(south, metres - 5, metres + 5);
            Assert.InRange(state.Position.LongitudeDegrees, 23.5, 27.5);
        }
    }

    [Theory]
    [InlineData("\"duration_s\": -5", "duration_s: -5 is outside")]
    [InlineData("\"site\": { \"latitude_deg\": 95, \"longitude_deg\": 0 }", "site.latitude_deg: 95 is outside")]
    [InlineData("\"targets\": [ { \"name\": \"a\", \"icao\": \"XYZ123\", \"start\": {} } ]", "targets[0].icao: 'XYZ123' is not 6 hex digits")]
    [InlineData("\"targets\": [ { \"name\": \"a\", \"squawk\": \"7800\", \"start\": {} } ]", "targets[0].squawk: '7800' is not 4 octal digits")]
    [InlineData("\"targets\": [ { \"name\": \"a\", \"adsb\": true, \"start\": {} } ]", "targets[0].adsb: needs transponder")]
    [InlineData("\"radar\": { \"detection_probability\": 1.5 }", "radar.detection_probability: 1.5 is outside")]
    [InlineData("\"targets\": [ { \"name\": \"a\", \"start\": {}, \"legs\": [ { \"duration_s\": 10, \"turn_rate_deg_s\": 99 } ] } ]", "targets[0].legs[0].turn_rate_deg_s: 99 is outside")]
    [InlineData("\"radar\": { \"scan_perod_s\": 4 }", "scan_perod_s")]
    [InlineData("\"seed\": 7, \"held_out_seeds\": [101, 7]", "held_out_seeds[1]: 7 is also a tuning seed")]
    [InlineData("\"tuning_seeds\": [3], \"held_out_seeds\": [101, 101]", "held_out_seeds[1]: 101 is listed twice")]
    [InlineData("\"adsb\": { \"nac_p\": 12 }", "adsb.nac_p: 12 is outside")]
    [InlineData("\"radar\": { \"clutter_areas\": [ { \"persistence\": 1.5 } ] }", "radar.clutter_areas[0].persistence: 1.5 is outside")]
    [InlineData("\"qnh_hpa\": 500", "qnh_hpa: 500 is outside")]
    [InlineData("\"targets\": [ { \"name\": \"a\", \"class\": \"ufo\", \"start\": {} } ]", "$.targets[0].class")]
    public void Load_BadValue_NamesTheKeyAndTheReason(string fragment, string expected)
    {
        var json = "{ \"name\": \"bad\", \"duration_s\": 60, \"site\": { \"latitude_deg\": 59, \"longitude_deg\": 25 }, " + fragment + " }";
        // Later keys override earlier ones, so the fragment wins over the defaults above.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(stream, "bad.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBuiltIn_Every_HasHeldOutSeedsApartFromItsTuningSeeds()
    {
        foreach (var name in ScenarioLoader.BuiltInNames)
        {
            var scenario = ScenarioLoader.LoadBuiltIn(name);
            Assert.True(scenario.HeldOutSeeds.Count >= 5, $"{name}: {scenario.HeldOutSeeds.Count} held-out seeds");
            Assert.NotEmpty(scenario.TuningSeeds);
            Assert.Empty(scenario.HeldOutSeeds.Intersect(scenario.TuningSeeds));
            Assert.Contains(scenario.Seed, scenario.TuningSeeds);
        }
    }

    [Fact]
    public void LoadBuiltIn_Unknown_ListsTheKnownOnes()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadBuiltIn("nope"));

        Assert.Contains("gulf-of-finland-incursion", error.Message, StringComparison.Ordinal);
    }
}
