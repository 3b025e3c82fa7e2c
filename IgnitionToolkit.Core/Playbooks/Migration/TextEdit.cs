using System.Text;

namespace IgnitionToolkit.Core.Playbooks.Migration;

/// <summary>A replacement of a character range of the source text.</summary>
internal sealed record TextEdit(int Start, int End, string Replacement)
{
    /// <summary>Applies non-overlapping edits (duplicates of the same range are applied once).</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new StringBuilder(text);
        var lastStart = int.MaxValue;
        foreach (var edit in edits.DistinctBy(e => e.Start).OrderByDescending(e => e.Start))
        {
            if (edit.End > lastStart || edit.Start < 0 || edit.End > text.Length) continue;
            builder.Remove(edit.Start, edit.End - edit.Start).Insert(edit.Start, edit.Replacement);
            lastStart = edit.Start;
        }
        return builder.ToString();
    }
}
