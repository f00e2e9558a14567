using SkiaSharp;

namespace SmartKiosk.Samples.SyntheticDocuments.Capture;

/// <summary>The projective transform taking a rectangle's corners onto an arbitrary quadrilateral.</summary>
public static class Homography
{
    /// <summary>Maps (0,0),(w,0),(w,h),(0,h) onto the four destination points (TL, TR, BR, BL).</summary>
    public static SKMatrix FromRectangle(float width, float height, IReadOnlyList<SKPoint> destination)
    {
        SKPoint[] source = [new(0, 0), new(width, 0), new(width, height), new(0, height)];
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            double x = source[i].X, y = source[i].Y, u = destination[i].X, v = destination[i].Y;
            double[] rowU = [x, y, 1, 0, 0, 0, -x * u, -y * u, u];
            double[] rowV = [0, 0, 0, x, y, 1, -x * v, -y * v, v];
            for (var c = 0; c < 9; c++)
            {
                a[2 * i, c] = rowU[c];
                a[(2 * i) + 1, c] = rowV[c];
            }
        }

        var h = Solve(a);
        return new SKMatrix(
            (float)h[0], (float)h[1], (float)h[2],
            (float)h[3], (float)h[4], (float)h[5],
            (float)h[6], (float)h[7], 1f);
    }

    /// <summary>Gauss-Jordan elimination with partial pivoting on an 8×9 augmented matrix.</summary>
    private static double[] Solve(double[,] a)
    {
        const int n = 8;
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, column]) < 1e-12)
            {
                throw new InvalidOperationException("Degenerate quadrilateral: the homography is singular.");
            }

            for (var c = 0; c <= n; c++)
            {
                (a[column, c], a[pivot, c]) = (a[pivot, c], a[column, c]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == column)
                {
                    continue;
                }

                var factor = a[row, column] / a[column, column];
                for (var c = column; c <= n; c++)
                {
                    a[row, c] -= factor * a[column, c];
                }
            }
        }

        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = a[i, n] / a[i, i];
        }

        return result;
    }
}
