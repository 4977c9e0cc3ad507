using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Picket.Server.Storage;

/// <summary>Reports the store: healthy once it has recovered its state and takes batches.</summary>
internal sealed class StoreHealthCheck(IBatchStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ready = store.WaitUntilReadyAsync(CancellationToken.None);
        if (ready.IsCompletedSuccessfully)
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var reason = ready.IsFaulted ? ready.Exception.InnerException?.Message : null;
        return Task.FromResult(HealthCheckResult.Unhealthy(reason ?? "Storage is still recovering or unreachable."));
    }
}
