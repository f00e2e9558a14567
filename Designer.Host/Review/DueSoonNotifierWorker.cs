using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Workflows.Hosting;

namespace SmartKiosk.Designer.Host.Review;

/// <summary>Runs <see cref="DueSoonNotifier"/> on every back-office node; work-queue claims keep a notice from going out twice.</summary>
public sealed class DueSoonNotifierWorker(DueSoonNotifier notifier, IOptions<EmailOptions> options, TimeProvider time, ILogger<DueSoonNotifierWorker> logger)
    : PollingWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => notifier.SendDueAsync(cancellationToken);
}
