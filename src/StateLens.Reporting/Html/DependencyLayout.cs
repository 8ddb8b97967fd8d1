using System.Globalization;
using StateLens.Engine.Model;

namespace StateLens.Reporting.Html;

internal sealed record GraphChip(string Text, string Title, double X, double Y, double Width);

internal sealed record GraphNode(
    string Name,
    string Label,
    string? LoadNote,
    string? CoverageFlag,
    string Anchor,
    string VerdictSlug,
    string VerdictLabel,
    double X,
    double Y,
    double Width,
    double Height,
    int FindingCount,
    IReadOnlyList<GraphChip> Chips);

internal sealed record GraphEdge(string From, string To, string Path);

internal sealed record GraphLayout(double Width, double Height, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

/// <summary>
/// A layered drawing of the project graph: libraries nobody depends on further sit at the bottom, each project one
/// row above the deepest project it references, rows ordered by the barycentre of their parents to limit crossings.
/// </summary>
internal static class DependencyLayout
{
    public const double NodeWidth = 220;
    private const double MinNodeHeight = 76;
    private const double HorizontalGap = 36;
    private const double VerticalGap = 64;
    private const double Margin = 24;
    private const double ChipHeight = 16;
    private const double ChipGap = 4;
    private const double FlagLineHeight = 16;

    public static GraphLayout Compute(IReadOnlyList<ProjectSummary> projects, Func<string, string> anchorOf)
    {
        var byName = new SortedDictionary<string, ProjectSummary?>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            byName.TryAdd(project.Name, project);
        }

        foreach (var reference in projects.SelectMany(p => p.ProjectReferences).ToList())
        {
            byName.TryAdd(reference, null);
        }

        var references = byName.Keys.ToDictionary(
            n => n,
            n => (byName[n]?.ProjectReferences ?? []).Where(r => r != n).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

        var height = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        int Height(string name)
        {
            if (height.TryGetValue(name, out var known))
            {
                return known;
            }

            if (!onStack.Add(name))
            {
                return 0; // a reference cycle: break it here rather than loop
            }

            var value = references[name].Count == 0 ? 0 : references[name].Max(r => Height(r) + 1);
            onStack.Remove(name);
            height[name] = value;
            return value;
        }

        foreach (var name in byName.Keys)
        {
            Height(name);
        }

        var maxHeight = height.Count == 0 ? 0 : height.Values.Max();
        var rows = Enumerable.Range(0, maxHeight + 1)
            .Select(row => byName.Keys.Where(n => maxHeight - height[n] == row).ToList())
            .Where(row => row.Count > 0)
            .ToList();

        // Order each row by where its parents (the projects referencing it) sit in the rows above.
        var position = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var ordered = row
                .Select(n => (Name: n, Key: Barycentre(n, references, position)))
                .OrderBy(t => t.Key)
                .ThenBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => t.Name)
                .ToList();
            row.Clear();
            row.AddRange(ordered);
            for (var i = 0; i < row.Count; i++)
            {
                position[row[i]] = i - (row.Count - 1) / 2.0;
            }
        }

        var chipsOf = byName.Keys.ToDictionary(n => n, n => Chips(byName[n], byName[n] is { } p && ReportView.CoverageFlag(p) is not null ? FlagLineHeight : 0), StringComparer.Ordinal);
        var nodeHeight = Math.Max(MinNodeHeight, chipsOf.Values.SelectMany(c => c).Select(c => c.Y + ChipHeight + 10).DefaultIfEmpty(0).Max());

        var widest = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var width = Math.Max(1, widest) * (NodeWidth + HorizontalGap) - HorizontalGap + 2 * Margin;
        var totalHeight = Math.Max(1, rows.Count) * (nodeHeight + VerticalGap) - VerticalGap + 2 * Margin;

        var nodes = new List<GraphNode>();
        var centre = new Dictionary<string, (double X, double Top, double Bottom)>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var rowWidth = row.Count * (NodeWidth + HorizontalGap) - HorizontalGap;
            var x0 = (width - rowWidth) / 2;
            var y = Margin + r * (nodeHeight + VerticalGap);
            for (var i = 0; i < row.Count; i++)
            {
                var name = row[i];
                var x = Round(x0 + i * (NodeWidth + HorizontalGap));
                var project = byName[name];
                var verdict = project?.Verdict;
                var flag = project is null ? null : ReportView.CoverageFlag(project);
                nodes.Add(new GraphNode(
                    name,
                    Truncate(name, 28),
                    project?.LoadStatus is LoadStatus.Partial && flag is null ? "partly analysed" : null,
                    flag,
                    project is null ? string.Empty : anchorOf(name),
                    ReportView.VerdictSlug(verdict),
                    project is null ? "not in the analysed input" : ReportView.VerdictLabel(verdict),
                    x,
                    Round(y),
                    NodeWidth,
                    nodeHeight,
                    project?.Counts.Values.Sum() ?? 0,
                    chipsOf[name]));
                centre[name] = (x + NodeWidth / 2, y, y + nodeHeight);
            }
        }

        // Rows hold their nodes' horizontal extents, so an edge that skips rows can pass through a gap instead of a box.
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowTops = new List<double>();
        var gapsOf = new List<List<double>>();
        for (var r = 0; r < rows.Count; r++)
        {
            rowTops.Add(Margin + r * (nodeHeight + VerticalGap));
            var lefts = rows[r].Select(n => centre[n].X - NodeWidth / 2).ToList();
            var gaps = new List<double> { lefts[0] - HorizontalGap / 2 };
            gaps.AddRange(lefts.Select(l => l + NodeWidth + HorizontalGap / 2));
            gapsOf.Add(gaps);
            foreach (var n in rows[r])
            {
                rowOf[n] = r;
            }
        }

        var edges = new List<GraphEdge>();
        foreach (var (from, targets) in references)
        {
            foreach (var to in targets)
            {
                var a = centre[from];
                var b = centre[to];
                var points = new List<(double X, double Y)>();
                if (a.Bottom <= b.Top)
                {
                    points.Add((a.X, a.Bottom));
                    var (r1, r2) = (rowOf[from], rowOf[to]);
                    for (var r = r1 + 1; r < r2; r++)
                    {
                        var t = (double)(r - r1) / (r2 - r1);
                        var ideal = a.X + (b.X - a.X) * t;
                        var x = gapsOf[r].OrderBy(g => Math.Abs(g - ideal)).First();
                        points.Add((x, rowTops[r] - 8));
                        points.Add((x, rowTops[r] + nodeHeight + 8));
                    }

                    points.Add((b.X, b.Top));
                }
                else
                {
                    points.Add((a.X, a.Top));
                    points.Add((b.X, b.Bottom));
                }

                edges.Add(new GraphEdge(from, to, SmoothPath(points)));
            }
        }

        return new GraphLayout(Round(width), Round(totalHeight), nodes, edges);
    }

    /// <summary>Vertical-tangent curves between consecutive points; straight where a point pair runs down one gap.</summary>
    private static string SmoothPath(IReadOnlyList<(double X, double Y)> points)
    {
        var path = new System.Text.StringBuilder();
        path.Append(CultureInfo.InvariantCulture, $"M{Round(points[0].X)} {Round(points[0].Y)}");
        for (var i = 1; i < points.Count; i++)
        {
            var (px, py) = points[i - 1];
            var (qx, qy) = points[i];
            if (px == qx)
            {
                path.Append(CultureInfo.InvariantCulture, $" L{Round(qx)} {Round(qy)}");
                continue;
            }

            var bend = (qy - py) / 2;
            path.Append(CultureInfo.InvariantCulture, $" C{Round(px)} {Round(py + bend)} {Round(qx)} {Round(qy - bend)} {Round(qx)} {Round(qy)}");
        }

        return path.ToString();
    }

    private static double Barycentre(string name, Dictionary<string, List<string>> references, Dictionary<string, double> position)
    {
        var parents = references.Where(kv => kv.Value.Contains(name, StringComparer.Ordinal) && position.ContainsKey(kv.Key))
            .Select(kv => position[kv.Key])
            .ToList();
        return parents.Count == 0 ? 0 : parents.Average();
    }

    /// <summary>One chip per category that holds state, flowing over as many lines as the node needs, below the coverage flag when there is one.</summary>
    private static IReadOnlyList<GraphChip> Chips(ProjectSummary? project, double flagLine)
    {
        if (project is null)
        {
            return [];
        }

        var chips = new List<GraphChip>();
        double x = 10, y = 50 + flagLine;
        foreach (var category in ReportView.CategoryOrder(project.Counts.Keys))
        {
            var count = project.Counts[category];
            if (count == 0)
            {
                continue;
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"{ReportView.CategoryShort(category)} {count}");
            var w = Round(10 + text.Length * 6.2);
            if (x + w > NodeWidth - 10)
            {
                x = 10;
                y += ChipHeight + ChipGap;
            }

            chips.Add(new GraphChip(text, string.Create(CultureInfo.InvariantCulture, $"{category}: {count}"), Round(x), y, w));
            x += w + ChipGap;
        }

        return chips;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "\u2026");

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
