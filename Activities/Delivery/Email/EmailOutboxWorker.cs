using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Hosting;
using SmartKiosk.Workflows.Hosting;

namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>Runs the e-mail outbox on every node; claims keep two nodes from sending one message.</summary>
public sealed class EmailOutboxWorker(EmailOutbox outbox, IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailOutboxWorker> logger)
    : PollingWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task<int> PassAsync(CancellationToken cancellationToken) => outbox.SendDueAsync(cancellationToken);
}
