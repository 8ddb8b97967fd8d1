using StateLens.Reporting.Html;
using StateLens.Reporting.Tests.Infrastructure;

namespace StateLens.Reporting.Tests;

public sealed class DependencyLayoutTests
{
    [Fact]
    public void ReferencedProjects_SitBelowTheProjectsThatUseThem()
    {
        var model = TestModels.Monolith();

        var layout = DependencyLayout.Compute(model.Projects, n => n);
        var y = layout.Nodes.ToDictionary(n => n.Name, n => n.Y);

        foreach (var project in model.Projects)
        {
            foreach (var reference in project.ProjectReferences)
            {
                Assert.True(y[project.Name] < y[reference], $"{project.Name} should be above {reference}");
            }
        }
    }

    [Fact]
    public void Nodes_DoNotOverlapAndFitTheDrawing()
    {
        var layout = DependencyLayout.Compute(TestModels.Monolith().Projects, n => n);

        foreach (var a in layout.Nodes)
        {
            Assert.InRange(a.X, 0, layout.Width - a.Width);
            Assert.InRange(a.Y, 0, layout.Height - a.Height);
            foreach (var b in layout.Nodes.Where(b => b != a))
            {
                Assert.True(a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y, $"{a.Name} overlaps {b.Name}");
            }

            foreach (var chip in a.Chips)
            {
                Assert.True(chip.X + chip.Width <= a.Width && chip.Y + 16 <= a.Height, $"a chip of {a.Name} leaves its box");
            }
        }
    }

    [Fact]
    public void Cycles_AndUnknownReferences_AreDrawnWithoutLooping()
    {
        var projects = TestModels.Monolith().Projects.Take(2).ToList();
        projects[0] = projects[0] with { ProjectReferences = [projects[1].Name, "Outside.Lib"] };
        projects[1] = projects[1] with { ProjectReferences = [projects[0].Name] };

        var layout = DependencyLayout.Compute(projects, n => n);

        Assert.Equal(3, layout.Nodes.Count);
        Assert.Equal("not-analysed", layout.Nodes.Single(n => n.Name == "Outside.Lib").VerdictSlug);
        Assert.Equal(3, layout.Edges.Count);
    }
}
