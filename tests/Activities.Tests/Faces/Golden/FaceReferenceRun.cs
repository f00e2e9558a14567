using SmartKiosk.TestSupport;

using SmartKiosk.TestSupport.Faces;

namespace SmartKiosk.Activities.Tests.Faces.Golden;

/// <summary>
/// A fresh run of face-api's JavaScript on this machine. <c>./test.sh</c> runs it before the tests
/// (into <c>.artifacts/face-reference</c>); when the folder is missing the fixture runs it itself,
/// so the golden tests never quietly compare against nothing.
/// </summary>
public sealed class FaceReferenceRun
{
    public const string OutputVariable = "SMARTKIOSK_FACE_REFERENCE";

    public FaceReferenceRun()
    {
        Folder = Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } configured
            ? configured
            : RepositoryPaths.Combine(".artifacts", "face-reference");
        if (!File.Exists(Path.Combine(Folder, "reference.json")))
        {
            Generate(Folder);
        }
        Reference = FaceApiReference.Load(Path.Combine(Folder, "reference.json"));
    }

    public string Folder { get; }

    public FaceApiReference Reference { get; }

    public float[] Chip(string name) => ReadFloats(Path.Combine(Folder, "chips", $"{name}.f32"));

    public byte[] ImagePixels(string name) => File.ReadAllBytes(Path.Combine(Folder, "images", $"{name}.rgb"));

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var floats = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, floats, 0, bytes.Length);
        return floats;
    }

    private static void Generate(string folder)
    {
        var script = RepositoryPaths.Combine("tests", "Faces.Reference");
        if (!Directory.Exists(Path.Combine(script, "node_modules")))
        {
            Run("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], script);
        }
        Run("node", ["reference.cjs", "--out", folder], script);
    }

    private static void Run(string command, string[] arguments, string workingDirectory)
    {
        var (exit, _, error) = CommandLine.RunIn(workingDirectory, command, arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({exit}): {error}");
        }
    }
}
