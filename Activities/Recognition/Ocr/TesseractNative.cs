using System.Runtime.InteropServices;

namespace SmartKiosk.Activities.Recognition.Ocr;

/// <summary>
/// The part of Tesseract's C API (capi.h, Debian's libtesseract5) the OCR engine uses. The .NET
/// wrapper package is not obtainable, and the C API is stable across 4.x/5.x.
/// </summary>
internal static partial class TesseractNative
{
    // Debian ships only the versioned soname; NativeLibraries maps this name to it.
    internal const string Library = "tesseract";

    internal enum PageSegMode
    {
        Auto = 3,
        SingleColumn = 4,
        SingleBlock = 6,
        SingleLine = 7,
        SparseText = 11,
        RawLine = 13,
    }

    internal enum Level
    {
        Block = 0,
        Paragraph = 1,
        TextLine = 2,
        Word = 3,
        Symbol = 4,
    }

    internal const int OemLstmOnly = 1;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    internal static partial IntPtr TessBaseAPICreate();

    [LibraryImport(Library)]
    internal static partial void TessBaseAPIDelete(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit2(IntPtr handle, string dataPath, string language, int oem);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool TessBaseAPISetVariable(IntPtr handle, string name, string value);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetPageSegMode(IntPtr handle, PageSegMode mode);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetImage(IntPtr handle, IntPtr imageData, int width, int height, int bytesPerPixel, int bytesPerLine);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);

    [LibraryImport(Library)]
    internal static partial int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPIClear(IntPtr handle);

    [LibraryImport(Library)]
    internal static partial IntPtr TessBaseAPIGetIterator(IntPtr handle);

    [LibraryImport(Library)]
    internal static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool TessResultIteratorNext(IntPtr iterator, Level level);

    [LibraryImport(Library)]
    internal static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, Level level);

    [LibraryImport(Library)]
    internal static partial float TessResultIteratorConfidence(IntPtr iterator, Level level);

    [LibraryImport(Library)]
    internal static partial IntPtr TessResultIteratorGetPageIteratorConst(IntPtr iterator);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool TessPageIteratorBoundingBox(IntPtr pageIterator, Level level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, Level level);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.I4)]
    internal static partial bool TessPageIteratorIsAtFinalElement(IntPtr pageIterator, Level level, Level element);

    [LibraryImport(Library)]
    internal static partial void TessDeleteText(IntPtr text);

    /// <summary>Copies a UTF-8 string Tesseract allocated and frees it.</summary>
    internal static string TakeText(IntPtr text)
    {
        if (text == IntPtr.Zero)
        {
            return "";
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            TessDeleteText(text);
        }
    }
}
