using SmartKiosk.Workflows.Attributes;
using SmartKiosk.Workflows.Contracts;
using SmartKiosk.Workflows.Runtime;

namespace SmartKiosk.Activities.Faces;

/// <summary>
/// Records whether the citizen agreed to the face check, with the time and the version of the words
/// they were shown. The face activities run only with a given consent.
/// </summary>
[Activity("RecordBiometricConsent", Category = "Identity", DisplayName = "Record face-check consent", Description = "Records the citizen's consent (or refusal) to the face check, as Decree 13/2023 requires.")]
[Outcomes(Given, Refused)]
public sealed class RecordBiometricConsent : Activity
{
    public const string Given = "Given";
    public const string Refused = "Refused";

    [Input(Description = "Whether the citizen agreed, as the kiosk reported it.", Required = true)]
    public bool Agreed { get; set; }

    [Input(Description = "The version of the consent words shown to the citizen.", DefaultJson = "\"" + BiometricConsent.CurrentTextVersion + "\"")]
    public string TextVersion { get; set; } = BiometricConsent.CurrentTextVersion;

    [Output(Description = "The consent record (answer, time, words' version, purpose) for the face activities and the dossier.")]
    public BiometricConsent? Consent { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Consent = new BiometricConsent(Agreed, context.Time.GetUtcNow(), TextVersion, BiometricConsent.FaceVerificationPurpose);
        return ValueTask.FromResult(ActivityResult.Complete(Agreed ? Given : Refused));
    }
}
