namespace SmartKiosk.Activities.Delivery.Email;

/// <summary>The configured way out for e-mail: SMTP when a host is set, else the pickup folder in the data folder.</summary>
public static class MailTransports
{
    public static IMailTransport For(EmailOptions settings, string dataPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrWhiteSpace(settings.Smtp.Host)
            ? new PickupFolderTransport(Path.Combine(dataPath, settings.PickupFolder))
            : new SmtpTransport(settings.Smtp);
    }
}
