using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SmartKiosk.Activities.Recognition;

/// <summary>
/// Loads the native OCR and imaging libraries in the one order that works on Debian.
/// <c>libOpenCvSharpExtern.so</c> bundles its own Tesseract, Leptonica and libpng; if it loads first,
/// Debian's libtesseract binds libpng to the wrong copy and the process aborts ("double free").
/// So Debian's libtesseract is loaded first, always, before any OpenCvSharp call.
/// </summary>
public static partial class NativeLibraries
{
    private const string TesseractSoname = "libtesseract.so.5";
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>Runs once when this assembly is first used: maps the library names before any P/Invoke.</summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "The resolver must be set before the first P/Invoke of this assembly.")]
    internal static void RegisterResolver()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);

        // Any code of this assembly may be the first to touch OpenCvSharp (a Mat in a constructor),
        // so Tesseract is loaded now, before that can happen; a missing library is reported later,
        // by EnsureLoaded, where OCR is actually needed.
        _ = TryLoadTesseract();
    }

    private static bool TryLoadTesseract()
    {
        // OpenMP reads its limit when libgomp initialises; .NET's Environment.SetEnvironmentVariable
        // does not reach the native environment, so set it through libc. One thread per engine is
        // 2–3× faster on 2 cores: the pool gives parallelism across documents instead.
        _ = SetEnv("OMP_THREAD_LIMIT", "1", overwrite: 0);
        return NativeLibrary.TryLoad(TesseractSoname, out _);
    }

    /// <summary>Loads libtesseract, then OpenCV. Idempotent and thread-safe; call before any image or OCR work.</summary>
    public static void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        lock (Gate)
        {
            if (_loaded)
            {
                return;
            }

            if (!TryLoadTesseract())
            {
                throw new DllNotFoundException($"{TesseractSoname} was not found: install the Debian package libtesseract5 (scripts/install-prerequisites.sh).");
            }

            _ = OpenCvSharp.Cv2.GetVersionString();
            Volatile.Write(ref _loaded, true);
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name == Ocr.TesseractNative.Library)
        {
            EnsureLoaded();
            return NativeLibrary.Load(TesseractSoname);
        }

        return IntPtr.Zero;
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
