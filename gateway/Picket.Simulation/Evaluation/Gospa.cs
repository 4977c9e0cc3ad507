using Picket.Tracking.Association;

namespace Picket.Simulation.Evaluation;

/// <summary>
/// The generalised optimal sub-pattern assignment metric (Rahmathullah, García-Fernández and
/// Svensson, 2017) with alpha = 2: localisation error of the best assignment plus c^p/2 for
/// every missed truth and every false track. The assignment minimises the sum of d^p, as the
/// definition requires; it is solved exactly with the core's assignment solver on centimetre
/// integer costs.
/// </summary>
public static class Gospa
{
    /// <summary>The metric's value and its parts for one instant.</summary>
    /// <param name="Value">GOSPA, metres.</param>
    /// <param name="LocalisationSquared">Sum of d^p over assigned pairs, m^p.</param>
    /// <param name="Missed">Truths without a track within the cut-off.</param>
    /// <param name="False">Tracks without a truth within the cut-off.</param>
    /// <param name="Assignment">For each truth, the index of its track or -1.</param>
    public readonly record struct Result(double Value, double LocalisationSquared, int Missed, int False, int[] Assignment);

    /// <summary>Computes GOSPA for p = 2 between <paramref name="distances"/> (truth × track, metres).</summary>
    /// <param name="distances">Row-major distances, <c>[truth * tracks + track]</c>.</param>
    /// <param name="truths">Number of truths.</param>
    /// <param name="tracks">Number of tracks.</param>
    /// <param name="cutoffMetres">The cut-off c.</param>
    public static Result Compute(double[] distances, int truths, int tracks, double cutoffMetres)
    {
        ArgumentNullException.ThrowIfNull(distances);
        var cutoffSquared = cutoffMetres * cutoffMetres;
        var cost = new long[truths * tracks];
        for (var i = 0; i < cost.Length; i++)
        {
            // Assigning a pair at distance d instead of leaving both alone changes the total by
            // d^2 - c^2 (two halves of c^2 saved): negative inside the cut-off, never worth it outside.
            cost[i] = distances[i] < cutoffMetres
                ? (long)Math.Round((distances[i] * distances[i] - cutoffSquared) * 1e4)
                : AssignmentSolver.Forbidden;
        }

        var assignment = new int[truths];
        new AssignmentSolver(truths, tracks).Solve(cost, truths, tracks, 0, assignment);
        var localisation = 0.0;
        var assigned = 0;
        for (var truth = 0; truth < truths; truth++)
        {
            if (assignment[truth] >= 0)
            {
                var d = distances[(truth * tracks) + assignment[truth]];
                localisation += d * d;
                assigned++;
            }
        }

        var missed = truths - assigned;
        var falseTracks = tracks - assigned;
        var value = Math.Sqrt(localisation + (cutoffSquared / 2 * (missed + falseTracks)));
        return new Result(value, localisation, missed, falseTracks, assignment);
    }
}
