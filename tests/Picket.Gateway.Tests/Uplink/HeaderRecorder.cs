using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Picket.Gateway.Uplink;

/// <summary>Middleware put first in the server's pipeline: records what the HTTP/2 request of each Publish call carried in <c>grpc-encoding</c>.</summary>
internal sealed class HeaderRecorder(ConcurrentQueue<string> encodings) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            if (context.Request.Path == "/picket.v1.TrackIngest/Publish")
            {
                encodings.Enqueue(context.Request.Headers["grpc-encoding"].ToString());
            }

            await following(context);
        });
        next(app);
    };
}
