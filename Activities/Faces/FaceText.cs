using SmartKiosk.Activities.Recognition.Findings;

namespace SmartKiosk.Activities.Faces;

/// <summary>The face verification texts (reasons, liveness instructions) from Resources/FaceText, Vietnamese first.</summary>
public static class FaceText
{
    private static readonly BilingualResources Resources = new("SmartKiosk.Activities.Resources.FaceText");

    public static LocalizedText Get(string key) => Resources.Get(key);
}
