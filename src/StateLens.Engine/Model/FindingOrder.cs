
namespace StateLens.Engine.Model;

/// <summary>The one order findings are written in: file, position, rule, message (ordinal), so outputs are byte-identical.</summary>
public sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var result = string.CompareOrdinal(x.File, y.File);
        if (result == 0) result = x.Line.CompareTo(y.Line);
        if (result == 0) result = x.Column.CompareTo(y.Column);
        if (result == 0) result = string.CompareOrdinal(x.RuleId, y.RuleId);
        if (result == 0) result = string.CompareOrdinal(x.Message, y.Message);
        if (result == 0) result = x.EndLine.CompareTo(y.EndLine);
        if (result == 0) result = x.EndColumn.CompareTo(y.EndColumn);
        return result;
    }
}
