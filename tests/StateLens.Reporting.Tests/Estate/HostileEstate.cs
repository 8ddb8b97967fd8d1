using StateLens.Engine.Estate;
using StateLens.Reporting.Tests.Infrastructure;
using static StateLens.Tests.Shared.Estate.EstateModels;

namespace StateLens.Reporting.Tests.Estate;

/// <summary>The two test applications with the report tests' payloads in every string the estate shows.</summary>
internal static class HostileEstate
{
    public static string Evil(string text) => $"{text}{TestModels.Script}{TestModels.Image}";

    public static IReadOnlyList<EstateInput> Inputs()
    {
        var shared = Evil("db01/orders");
        EstateInput Rewrite(EstateInput input, string report) => input with
        {
            Solution = Evil(input.Solution),
            Report = report,
            Model = input.Model! with
            {
                Projects = input.Model.Projects.Select(p => p with { Name = Evil(p.Name), Path = Evil(p.Path), LoadMessage = p.LoadMessage is null ? null : Evil(p.LoadMessage) }).ToList(),
                Findings = input.Model.Findings.Select(f => f with { Project = Evil(f.Project), Category = f.RuleId == "SL6001" ? Evil(f.Category) : f.Category }).ToList(),
                Resources = input.Model.Resources.Select(r => r with
                {
                    Name = r.Name == "db01/orders" ? shared : Evil(r.Name),
                    Uses = r.Uses.Select(u => u with { Project = Evil(u.Project), File = Evil(u.File), ConfigKey = Evil(u.ConfigKey ?? "key") }).ToList(),
                }).ToList(),
            },
        };

        return
        [
            Rewrite(OrdersApp(), "javascript:alert(1)"),
            Rewrite(ReportingApp(), "reports/\"><script>alert(1)</script>/statelens-report.html"),
            BillingFailure() with { Solution = Evil("billing/Billing.sln"), Failure = Evil("timed out") },
        ];
    }
}
