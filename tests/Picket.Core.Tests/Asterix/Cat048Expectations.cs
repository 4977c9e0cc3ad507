using System.Globalization;

namespace Picket.Asterix;

/// <summary>Compares one decoded CAT048 record with the reference decode's raw field values.</summary>
internal static class Cat048Expectations
{
    public static void AssertMatches(ReferenceDecode r, ref Cat048Record record, int index)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"record {index}");
        Assert.True(record.HasDataSource, where);
        Assert.Equal(r.Int("010", "System Area Code"), record.Sac);
        Assert.Equal(r.Int("010", "System Identification Code"), record.Sic);
        Assert.Equal(r.Int("140", "Time Of Day"), record.TimeOfDay128);

        Assert.Equal(r.Has("020"), record.HasDescriptor);
        if (r.Has("020"))
        {
            Assert.Equal(r.Int("020", "TYP"), (int)record.ReportType);
            Assert.Equal(r.Int("020", "SIM") == 1, record.ReportIndicators.HasFlag(TargetReportIndicators.Simulated));
            Assert.Equal(r.Int("020", "RDP") == 1, record.ReportIndicators.HasFlag(TargetReportIndicators.RdpChain2));
            Assert.Equal(r.Int("020", "SPI") == 1, record.ReportIndicators.HasFlag(TargetReportIndicators.Spi));
            Assert.Equal(r.Int("020", "RAB") == 1, record.ReportIndicators.HasFlag(TargetReportIndicators.FieldMonitor));
        }

        Assert.Equal(r.Has("040"), record.HasPolarPosition);
        if (r.Has("040"))
        {
            Assert.Equal(r.Int("040", "RHO"), record.Rho256);
            Assert.Equal(r.Int("040", "THETA"), record.Theta);
        }

        Assert.Equal(r.Has("070"), record.HasMode3A);
        if (r.Has("070"))
        {
            Assert.Equal(r.Raw("070", "Mode-3/A reply code"), Convert.ToString(record.Mode3A, 8).PadLeft(4, '0'));
            Assert.Equal(r.Int("070", "V") == 1, record.Mode3ANotValidated);
            Assert.Equal(r.Int("070", "G") == 1, record.Mode3AGarbled);
            Assert.Equal(r.Int("070", "L") == 1, record.Mode3ANotExtracted);
        }

        Assert.Equal(r.Has("090"), record.HasFlightLevel);
        if (r.Has("090"))
        {
            Assert.Equal(r.Int("090", "FlightLevel"), record.FlightLevelQuarters);
            Assert.Equal(r.Int("090", "V") == 1, record.FlightLevelNotValidated);
            Assert.Equal(r.Int("090", "G") == 1, record.FlightLevelGarbled);
        }

        Assert.Equal(r.Has("130"), record.PlotCharacteristicsPresent != 0);
        if (r.Has("130"))
        {
            AssertOptional(r, "130", "SSR Plot Runlength", record.PlotCharacteristicsPresent, 0, record.SsrRunLength);
            AssertOptional(r, "130", "SSR-Number of received reply", record.PlotCharacteristicsPresent, 1, record.SsrReplies);
            AssertOptional(r, "130", "SSR-Reply amplitude", record.PlotCharacteristicsPresent, 2, record.SsrAmplitudeDbm);
            AssertOptional(r, "130", "Primary Plot Runlength", record.PlotCharacteristicsPresent, 3, record.PsrRunLength);
        }

        Assert.Equal(r.Has("220"), record.HasAircraftAddress);
        if (r.Has("220"))
        {
            Assert.Equal(r.Raw("220", "AircraftAddress"), record.AircraftAddress.ToString("X6", CultureInfo.InvariantCulture));
        }

        Assert.Equal(r.Has("240"), record.HasIdentification);
        if (r.Has("240"))
        {
            Assert.Equal(r.Raw("240", "Characters 1-8 (coded on 6 bits each) defining target identification"), Ia5Callsign.ToText(record.Identification));
        }

        Assert.Equal(r.Has("250"), record.ModeSData is not null);
        if (r.Has("250"))
        {
            var raw = r.ItemBytes["250"];
            Assert.Equal(raw[0], record.ModeSDataCount);
            Assert.Equal(raw[1..], record.ModeSData!.AsSpan(record.ModeSDataOffset, 8 * record.ModeSDataCount).ToArray());
        }

        Assert.Equal(r.Has("161"), record.HasTrackNumber);
        if (r.Has("161"))
        {
            Assert.Equal(r.Int("161", "Track Number"), record.TrackNumber);
        }

        Assert.Equal(r.Has("042"), record.HasCartesianPosition);
        if (r.Has("042"))
        {
            Assert.Equal(r.Int("042", "X component"), record.X128);
            Assert.Equal(r.Int("042", "Y component"), record.Y128);
        }

        Assert.Equal(r.Has("200"), record.HasPolarVelocity);
        if (r.Has("200"))
        {
            Assert.Equal(r.Int("200", "Calculated groundspeed"), record.GroundSpeed);
            Assert.Equal(r.Int("200", "Calculated heading"), record.Heading);
        }

        Assert.Equal(r.Has("170"), record.HasTrackStatus);
        if (r.Has("170"))
        {
            Assert.Equal(r.Int("170", "CNF") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.Tentative));
            Assert.Equal(r.Int("170", "RAD"), record.TrackRadarType);
            Assert.Equal(r.Int("170", "DOU") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.Doubtful));
            Assert.Equal(r.Int("170", "MAH") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.Manoeuvre));
            Assert.Equal(r.Int("170", "CDM"), record.TrackClimbDescent);
            if (r.HasField("170", "TRE"))
            {
                Assert.Equal(r.Int("170", "TRE") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.LastReport));
                Assert.Equal(r.Int("170", "GHO") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.Ghost));
                Assert.Equal(r.Int("170", "SUP") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.ClusterNetwork));
                Assert.Equal(r.Int("170", "TCC") == 1, record.TrackIndicators.HasFlag(TrackStatusIndicators.SlantCorrected));
            }
        }

        Assert.Equal(r.Has("110"), record.HasHeight3D);
        if (r.Has("110"))
        {
            Assert.Equal(r.Int("110", "3D_Height"), record.Height3D25Feet);
        }

        Assert.Equal(r.Has("230"), record.HasCommunicationsCapability);
        if (r.Has("230"))
        {
            Assert.Equal(r.Int("230", "COM"), record.CommunicationsCapability >> 13); // bits 16/14
            Assert.Equal(r.Int("230", "STAT"), (record.CommunicationsCapability >> 10) & 7); // bits 13/11
            Assert.Equal(r.Int("230", "BDS 1,0 bits 37/40"), record.CommunicationsCapability & 0xF); // bits 4/1
        }
    }

    private static void AssertOptional(ReferenceDecode r, string item, string label, int presentMask, int bit, int actual)
    {
        Assert.Equal(r.HasField(item, label), (presentMask & (1 << bit)) != 0);
        if (r.HasField(item, label))
        {
            Assert.Equal(r.Int(item, label), actual);
        }
    }
}
