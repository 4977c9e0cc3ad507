using Picket.Tracking.Registration;

namespace Picket.Tracking;

// Radar registration against ADS-B: the registration role (RegistrationUpdater).
public sealed partial class Tracker
{
    private RegistrationUpdater _registrationUpdater;

    /// <summary>What the tracker has learned of each radar from ADS-B-fed aircraft.</summary>
    public RadarRegistration Registration => _registrationUpdater.Registration;

    private void AllocateRegistration(TrackerConfiguration configuration)
    {
        _registrationUpdater = new RegistrationUpdater(configuration, _plane, _radarSites, _plots, _geometry, _scratch, Counters);
    }

    private void CorrectPlot(int p) => _registrationUpdater.CorrectPlot(p);

    private void LearnRegistration(Track track, int p) => _registrationUpdater.LearnRegistration(track, p);
}
