using System.Globalization;
using System.Text;

namespace TradeBalance.Cli;

/// <summary>
/// Writes SVG elements one by one into a string. Numbers go through <see cref="SvgText.Number"/>
/// and every text through <see cref="SvgText.Escape"/>, so the file is the same in every culture and
/// no text can add markup.
/// </summary>
internal sealed class SvgWriter
{
    private const string Font = "DejaVu Sans, Verdana, Arial, sans-serif";
    private readonly StringBuilder _svg = new();

    /// <summary>Starts a document of the given size in pixels, with a white background.</summary>
    public SvgWriter(double width, double height, string title)
    {
        var w = SvgText.Number(width);
        var h = SvgText.Number(height);
        _svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{Font}\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{SvgText.Escape(title)}</title>\n");
        Rect(0, 0, width, height, "#ffffff", cssClass: "background");
    }

    /// <summary>A rectangle; <paramref name="stroke"/> null draws no outline.</summary>
    public void Rect(double x, double y, double width, double height, string fill, string? stroke = null, double opacity = 1, string? cssClass = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<rect{Class(cssClass)} x=\"{SvgText.Number(x)}\" y=\"{SvgText.Number(y)}\" width=\"{SvgText.Number(Math.Max(0, width))}\" height=\"{SvgText.Number(Math.Max(0, height))}\" fill=\"{SvgText.Escape(fill)}\"");
        if (opacity < 1)
        {
            _svg.Append(CultureInfo.InvariantCulture, $" fill-opacity=\"{SvgText.Number(opacity)}\"");
        }

        if (stroke is not null)
        {
            _svg.Append(CultureInfo.InvariantCulture, $" stroke=\"{SvgText.Escape(stroke)}\" stroke-width=\"1\"");
        }

        _svg.Append("/>\n");
    }

    /// <summary>A straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? cssClass = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<line{Class(cssClass)} x1=\"{SvgText.Number(x1)}\" y1=\"{SvgText.Number(y1)}\" x2=\"{SvgText.Number(x2)}\" y2=\"{SvgText.Number(y2)}\" stroke=\"{SvgText.Escape(stroke)}\" stroke-width=\"{SvgText.Number(width)}\"/>\n");

    /// <summary>A line through points.</summary>
    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width, string? cssClass = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<polyline{Class(cssClass)} points=\"{string.Join(' ', points.Select(p => SvgText.Number(p.X) + "," + SvgText.Number(p.Y)))}\" fill=\"none\" stroke=\"{SvgText.Escape(stroke)}\" stroke-width=\"{SvgText.Number(width)}\" stroke-linejoin=\"round\"/>\n");

    /// <summary>A marker centred on a point; <paramref name="size"/> is its width in pixels.</summary>
    public void Marker(MarkerShape shape, double x, double y, double size, string color, string? cssClass = null)
    {
        var r = size / 2;
        var fill = SvgText.Escape(color);
        _ = shape switch
        {
            MarkerShape.Circle => _svg.Append(CultureInfo.InvariantCulture, $"<circle{Class(cssClass)} cx=\"{SvgText.Number(x)}\" cy=\"{SvgText.Number(y)}\" r=\"{SvgText.Number(r)}\" fill=\"{fill}\"/>\n"),
            MarkerShape.Square => _svg.Append(CultureInfo.InvariantCulture, $"<rect{Class(cssClass)} x=\"{SvgText.Number(x - r)}\" y=\"{SvgText.Number(y - r)}\" width=\"{SvgText.Number(size)}\" height=\"{SvgText.Number(size)}\" fill=\"{fill}\"/>\n"),
            _ => _svg.Append(CultureInfo.InvariantCulture, $"<polygon{Class(cssClass)} points=\"{SvgText.Number(x)},{SvgText.Number(y - r)} {SvgText.Number(x + r)},{SvgText.Number(y)} {SvgText.Number(x)},{SvgText.Number(y + r)} {SvgText.Number(x - r)},{SvgText.Number(y)}\" fill=\"none\" stroke=\"{fill}\" stroke-width=\"2\"/>\n"),
        };
    }

    /// <summary>A line of text; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> turns it to read upwards.</summary>
    public void Text(double x, double y, string text, double size, string anchor = "middle", bool bold = false, bool rotate = false, string? cssClass = null)
    {
        var px = SvgText.Number(x);
        var py = SvgText.Number(y);
        _svg.Append(CultureInfo.InvariantCulture, $"<text{Class(cssClass)} x=\"{px}\" y=\"{py}\" font-size=\"{SvgText.Number(size)}\" text-anchor=\"{SvgText.Escape(anchor)}\" fill=\"#222222\"");
        if (bold)
        {
            _svg.Append(" font-weight=\"bold\"");
        }

        if (rotate)
        {
            _svg.Append(CultureInfo.InvariantCulture, $" transform=\"rotate(-90 {px} {py})\"");
        }

        _svg.Append(CultureInfo.InvariantCulture, $">{SvgText.Escape(text)}</text>\n");
    }

    /// <summary>The finished document.</summary>
    public override string ToString() => _svg + "</svg>\n";

    private static string Class(string? cssClass) => cssClass is null ? string.Empty : $" class=\"{SvgText.Escape(cssClass)}\"";
}
