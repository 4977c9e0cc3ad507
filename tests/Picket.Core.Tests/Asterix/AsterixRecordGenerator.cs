namespace Picket.Asterix;

/// <summary>Random but valid CAT048 and CAT034 records, every field within its specified range, from a seeded generator.</summary>
internal sealed class AsterixRecordGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>
    /// When false, only what Wireshark 4.0's dissector decodes per the current editions is
    /// generated: no negative flight level (it reads I048/090 as unsigned), no RE extended
    /// range (it does not decode RE), no negative I034/120 height (read as unsigned),
    /// and identifications made of IA-5 characters only.
    /// </summary>
    public bool AllowEditionSpecifics { get; init; } = true;

    public Cat048Record NextCat048()
    {
        var r = new Cat048Record
        {
            HasDataSource = Chance(0.9),
            Sac = Byte(),
            Sic = Byte(),
            HasTimeOfDay = Chance(0.9),
            TimeOfDay128 = _random.Next(0, (86_400 * 128) - 1),
            HasDescriptor = Chance(0.8),
            ReportType = (TargetReportType)_random.Next(0, 8),
            ReportIndicators = (TargetReportIndicators)_random.Next(0, 512),
            FoeFriend = _random.Next(0, 4),
            HasPolarPosition = Chance(0.8),
            Rho256 = _random.Next(0, 65536),
            Theta = _random.Next(0, 65536),
            HasMode3A = Chance(0.7),
            Mode3A = _random.Next(0, 4096),
            Mode3ANotValidated = Chance(0.2),
            Mode3AGarbled = Chance(0.2),
            Mode3ANotExtracted = Chance(0.2),
            HasFlightLevel = Chance(0.7),
            FlightLevelQuarters = AllowEditionSpecifics ? _random.Next(-8192, 8192) : _random.Next(0, 8192),
            FlightLevelNotValidated = Chance(0.2),
            FlightLevelGarbled = Chance(0.2),
            PlotCharacteristicsPresent = Chance(0.5) ? _random.Next(1, 128) : 0,
            HasAircraftAddress = Chance(0.6),
            AircraftAddress = _random.Next(0, 1 << 24),
            HasIdentification = Chance(0.5),
            Identification = AllowEditionSpecifics ? _random.NextInt64(0, 1L << 48) : RandomCallsign(),
            HasTrackNumber = Chance(0.6),
            TrackNumber = _random.Next(0, 4096),
            HasCartesianPosition = Chance(0.5),
            X128 = _random.Next(-32768, 32768),
            Y128 = _random.Next(-32768, 32768),
            HasPolarVelocity = Chance(0.5),
            GroundSpeed = _random.Next(0, 65536),
            Heading = _random.Next(0, 65536),
            HasTrackStatus = Chance(0.6),
            TrackIndicators = (TrackStatusIndicators)_random.Next(0, 128),
            TrackRadarType = _random.Next(0, 4),
            TrackClimbDescent = _random.Next(0, 4),
            HasTrackQuality = Chance(0.4),
            SigmaX128 = Byte(),
            SigmaY128 = Byte(),
            SigmaGroundSpeed = Byte(),
            SigmaHeading = Byte(),
            HasHeight3D = Chance(0.3),
            Height3D25Feet = _random.Next(-8192, 8192),
            HasDoppler = Chance(0.3),
            DopplerDoubtful = Chance(0.5),
            DopplerMetresPerSecond = _random.Next(-512, 512),
            HasCommunicationsCapability = Chance(0.5),
            CommunicationsCapability = _random.Next(0, 65536),
        };

        if ((r.PlotCharacteristicsPresent & 1) != 0)
        {
            r.SsrRunLength = Byte();
        }

        if ((r.PlotCharacteristicsPresent & 2) != 0)
        {
            r.SsrReplies = Byte();
        }

        if ((r.PlotCharacteristicsPresent & 4) != 0)
        {
            r.SsrAmplitudeDbm = SignedByte();
        }

        if ((r.PlotCharacteristicsPresent & 8) != 0)
        {
            r.PsrRunLength = Byte();
        }

        if ((r.PlotCharacteristicsPresent & 16) != 0)
        {
            r.PsrAmplitudeDbm = SignedByte();
        }

        if ((r.PlotCharacteristicsPresent & 32) != 0)
        {
            r.RangeDifference256 = SignedByte();
        }

        if ((r.PlotCharacteristicsPresent & 64) != 0)
        {
            r.AzimuthDifference = SignedByte();
        }

        if (AllowEditionSpecifics && r.HasPolarPosition && Chance(0.2))
        {
            r.HasExtendedRange = true;
            r.Rho256 = _random.Next(0, 1 << 24);
        }

        if (Chance(0.4))
        {
            r.ModeSDataCount = _random.Next(0, 4);
            r.ModeSData = new byte[(8 * r.ModeSDataCount) + 2];
            _random.NextBytes(r.ModeSData);
            r.ModeSDataOffset = 2;
            r.ModeSDataCount = (r.ModeSData.Length - 2) / 8;
        }

        ClearAbsent(ref r);
        if (!AnyItem(r))
        {
            r.HasDataSource = true;
        }

        return r;
    }

    public Cat034Record NextCat034()
    {
        var r = new Cat034Record
        {
            HasDataSource = true,
            Sac = Byte(),
            Sic = Byte(),
            HasMessageType = true,
            MessageType = (Cat034MessageType)_random.Next(1, 8),
            HasTimeOfDay = Chance(0.9),
            TimeOfDay128 = _random.Next(0, (86_400 * 128) - 1),
            HasSectorNumber = Chance(0.7),
            SectorNumber = Byte(),
            HasAntennaRotationPeriod = Chance(0.5),
            AntennaRotationPeriod128 = _random.Next(0, 65536),
            HasDataFilter = Chance(0.3),
            DataFilter = Byte(),
            HasPosition = Chance(0.4),
            HeightMetres = AllowEditionSpecifics ? _random.Next(-32768, 32768) : _random.Next(0, 32768),
            Latitude23 = _random.Next(-(1 << 22), 1 << 22),
            Longitude23 = _random.Next(-(1 << 23), 1 << 23),
            HasCollimationError = Chance(0.3),
            RangeError128 = SignedByte(),
            AzimuthError = SignedByte(),
            HasPolarWindow = Chance(0.3),
            RhoStart256 = _random.Next(0, 65536),
            RhoEnd256 = _random.Next(0, 65536),
            ThetaStart = _random.Next(0, 65536),
            ThetaEnd = _random.Next(0, 65536),
        };

        if (Chance(0.5))
        {
            r.SystemConfigurationPresent = SubfieldMask();
            r.SystemConfigurationCom = (r.SystemConfigurationPresent & 1) != 0 ? Byte() : 0;
            r.SystemConfigurationPsr = (r.SystemConfigurationPresent & 8) != 0 ? Byte() : 0;
            r.SystemConfigurationSsr = (r.SystemConfigurationPresent & 16) != 0 ? Byte() : 0;
            r.SystemConfigurationMds = (r.SystemConfigurationPresent & 32) != 0 ? _random.Next(0, 65536) : 0;
        }

        if (Chance(0.5))
        {
            r.ProcessingModePresent = SubfieldMask();
            r.ProcessingModeCom = (r.ProcessingModePresent & 1) != 0 ? Byte() : 0;
            r.ProcessingModePsr = (r.ProcessingModePresent & 8) != 0 ? Byte() : 0;
            r.ProcessingModeSsr = (r.ProcessingModePresent & 16) != 0 ? Byte() : 0;
            r.ProcessingModeMds = (r.ProcessingModePresent & 32) != 0 ? Byte() : 0;
        }

        return ClearAbsent(r);
    }

    private static bool AnyItem(Cat048Record r) =>
        r.HasDataSource || r.HasTimeOfDay || r.HasDescriptor || r.HasPolarPosition || r.HasMode3A || r.HasFlightLevel
        || r.PlotCharacteristicsPresent != 0 || r.HasAircraftAddress || r.HasIdentification || r.ModeSData is not null
        || r.HasTrackNumber || r.HasCartesianPosition || r.HasPolarVelocity || r.HasTrackStatus || r.HasTrackQuality
        || r.HasHeight3D || r.HasDoppler || r.HasCommunicationsCapability;

    /// <summary>Zeroes the values of absent items, as a decoder leaves them.</summary>
    private static void ClearAbsent(ref Cat048Record r)
    {
        if (!r.HasDataSource) { r.Sac = 0; r.Sic = 0; }
        if (!r.HasTimeOfDay) { r.TimeOfDay128 = 0; }
        if (!r.HasDescriptor) { r.ReportType = 0; r.ReportIndicators = 0; r.FoeFriend = 0; }
        if (!r.HasPolarPosition) { r.Rho256 = 0; r.Theta = 0; }
        if (!r.HasMode3A) { r.Mode3A = 0; r.Mode3ANotValidated = r.Mode3AGarbled = r.Mode3ANotExtracted = false; }
        if (!r.HasFlightLevel) { r.FlightLevelQuarters = 0; r.FlightLevelNotValidated = r.FlightLevelGarbled = false; }
        if (!r.HasAircraftAddress) { r.AircraftAddress = 0; }
        if (!r.HasIdentification) { r.Identification = 0; }
        if (!r.HasTrackNumber) { r.TrackNumber = 0; }
        if (!r.HasCartesianPosition) { r.X128 = 0; r.Y128 = 0; }
        if (!r.HasPolarVelocity) { r.GroundSpeed = 0; r.Heading = 0; }
        if (!r.HasTrackStatus) { r.TrackIndicators = 0; r.TrackRadarType = 0; r.TrackClimbDescent = 0; }
        if (!r.HasTrackQuality) { r.SigmaX128 = r.SigmaY128 = r.SigmaGroundSpeed = r.SigmaHeading = 0; }
        if (!r.HasHeight3D) { r.Height3D25Feet = 0; }
        if (!r.HasDoppler) { r.DopplerDoubtful = false; r.DopplerMetresPerSecond = 0; }
        if (!r.HasCommunicationsCapability) { r.CommunicationsCapability = 0; }
    }

    private static Cat034Record ClearAbsent(Cat034Record r)
    {
        if (!r.HasTimeOfDay) { r.TimeOfDay128 = 0; }
        if (!r.HasSectorNumber) { r.SectorNumber = 0; }
        if (!r.HasAntennaRotationPeriod) { r.AntennaRotationPeriod128 = 0; }
        if (!r.HasDataFilter) { r.DataFilter = 0; }
        if (!r.HasPosition) { r.HeightMetres = r.Latitude23 = r.Longitude23 = 0; }
        if (!r.HasCollimationError) { r.RangeError128 = r.AzimuthError = 0; }
        if (!r.HasPolarWindow) { r.RhoStart256 = r.RhoEnd256 = r.ThetaStart = r.ThetaEnd = 0; }
        return r;
    }

    private int SubfieldMask()
    {
        // COM (bit 0), PSR (bit 3), SSR (bit 4), MDS (bit 5); at least one.
        var mask = 0;
        while (mask == 0)
        {
            mask = _random.Next(0, 16);
        }

        return (mask & 1) | ((mask & 14) << 2);
    }

    private long RandomCallsign()
    {
        const string characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var text = new char[_random.Next(1, 9)];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = characters[_random.Next(characters.Length)];
        }

        Assert.True(Ia5Callsign.TryPack(new string(text), out var packed));
        return packed;
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Byte() => _random.Next(0, 256);

    private int SignedByte() => _random.Next(-128, 128);
}
