using System.Runtime.InteropServices;
using SkiaSharp;

namespace IgnitionToolkit.Plugins.Perspective.Visual;

/// <summary>A rectangle of the picture (CSS pixels of the capture) left out of a comparison: a clock, a trend, a banner.</summary>
public sealed record MaskRectangle(int X, int Y, int Width, int Height)
{
    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;
}

/// <summary>What a comparison found: differing pixels among those compared, and a diff image (the actual picture faded,
/// differing pixels red, masked rectangles grey) as PNG.</summary>
public sealed record ComparisonResult(int Width, int Height, string? SizeMismatch, long DifferentPixels, long ComparedPixels, byte[] DiffPng)
{
    public double DifferentRatio => ComparedPixels == 0 ? 0 : (double)DifferentPixels / ComparedPixels;

    /// <summary>The bounding box of the differing pixels, or null when none differ.</summary>
    public MaskRectangle? ChangedRegion { get; init; }
}

/// <summary>Compares two PNG pictures pixel by pixel with SkiaSharp (decoding and encoding; no home-made PNG code).
/// A pixel differs when one of its colour channels (or alpha) differs by more than <c>threshold</c> × 255.</summary>
public static class ImageComparison
{
    public static ComparisonResult Compare(byte[] expectedPng, byte[] actualPng, double threshold, IReadOnlyList<MaskRectangle> masks)
    {
        using var expected = Decode(expectedPng, "the baseline");
        using var actual = Decode(actualPng, "the screenshot");
        var width = actual.Width;
        var height = actual.Height;
        var actualPixels = actual.GetPixelSpan();
        var diff = new byte[width * height * 4];
        if (expected.Width != width || expected.Height != height)
        {
            for (var i = 0; i + 3 < diff.Length; i += 4) // every pixel differs: the screenshot tinted red
                (diff[i], diff[i + 1], diff[i + 2], diff[i + 3]) = ((byte)255, (byte)(actualPixels[i + 1] / 2), (byte)(actualPixels[i + 2] / 2), (byte)255);
            return new ComparisonResult(width, height, $"the baseline is {expected.Width}×{expected.Height}, the screenshot {width}×{height}",
                (long)width * height, (long)width * height, Encode(diff, width, height))
            { ChangedRegion = new MaskRectangle(0, 0, width, height) };
        }

        var expectedPixels = expected.GetPixelSpan();
        var tolerance = (int)Math.Round(Math.Clamp(threshold, 0, 1) * 255);
        long different = 0, compared = 0;
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 4;
                if (Masked(masks, x, y))
                {
                    diff[i] = diff[i + 1] = diff[i + 2] = 160;
                    diff[i + 3] = 255;
                    continue;
                }
                compared++;
                var differs = false;
                for (var c = 0; c < 4 && !differs; c++) differs = Math.Abs(expectedPixels[i + c] - actualPixels[i + c]) > tolerance;
                if (differs)
                {
                    different++;
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    (diff[i], diff[i + 1], diff[i + 2], diff[i + 3]) = ((byte)255, (byte)0, (byte)0, (byte)255);
                }
                else
                {
                    var grey = (byte)(215 + Luma(actualPixels, i) * 40 / 255); // the page faded, so the red stands out
                    (diff[i], diff[i + 1], diff[i + 2], diff[i + 3]) = (grey, grey, grey, (byte)255);
                }
            }
        }
        return new ComparisonResult(width, height, null, different, compared, Encode(diff, width, height))
        {
            ChangedRegion = maxX < 0 ? null : new MaskRectangle(minX, minY, maxX - minX + 1, maxY - minY + 1),
        };
    }

    /// <summary>Width and height of a PNG picture.</summary>
    public static (int Width, int Height) SizeOf(byte[] png)
    {
        using var bitmap = Decode(png, "the picture");
        return (bitmap.Width, bitmap.Height);
    }

    private static int Luma(ReadOnlySpan<byte> rgba, int i) => (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114) / 1000;

    private static bool Masked(IReadOnlyList<MaskRectangle> masks, int x, int y)
    {
        for (var m = 0; m < masks.Count; m++)
            if (masks[m].Contains(x, y)) return true;
        return false;
    }

    /// <summary>Decodes a PNG into unpremultiplied RGBA, 4 bytes a pixel.</summary>
    private static SKBitmap Decode(byte[] png, string what)
    {
        using var decoded = SKBitmap.Decode(png) ?? throw new InvalidDataException($"{what} is not a PNG picture");
        var info = new SKImageInfo(decoded.Width, decoded.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new SKBitmap(info);
        if (!decoded.CopyTo(rgba, SKColorType.Rgba8888))
        {
            rgba.Dispose();
            throw new InvalidDataException($"{what} could not be read as RGBA");
        }
        return rgba;
    }

    private static byte[] Encode(byte[] rgba, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
