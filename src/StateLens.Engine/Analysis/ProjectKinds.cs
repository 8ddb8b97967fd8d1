using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>
/// How a project deploys (<paramref name="Kind"/>) and the application
/// frameworks that say what kind of web or service it is (<paramref name="Frameworks"/>, sorted: aspnetcore, asmx, mvc,
/// owin, signalr, test, wcf, webapi, webforms, website).
/// </summary>
public sealed record ProjectDeployment(ProjectKind Kind, IReadOnlyList<string> Frameworks);

/// <summary>
/// Says what a project deploys as, from the evaluated project (SDK, project type GUIDs, imports, output type, references,
/// web content) and, where it has loaded, the compiled project's references.
/// </summary>
internal static class ProjectKinds
{
    private static readonly string[] WebFormsMarkup = [".aspx", ".ascx", ".master"];

    /// <summary>Markup that only a hosted web application has; a library may carry .ascx controls, never these.</summary>
    private static readonly string[] HostedMarkup = [".aspx", ".asax", ".ashx", ".asmx", ".svc", ".cshtml", ".vbhtml"];

    public static ProjectKind Classify(ProjectFileInfo? info, Project? project) => Describe(info, project).Kind;

    public static ProjectDeployment Describe(ProjectFileInfo? info, Project? project)
    {
        if (info is null)
        {
            return new ProjectDeployment(ProjectKind.Library, []);
        }

        var frameworks = Frameworks(info, project);
        if (IsWeb(info))
        {
            return new ProjectDeployment(ProjectKind.Web, frameworks);
        }

        var isExe = info.OutputType is { } output && (output.Equals("Exe", StringComparison.OrdinalIgnoreCase) || output.Equals("WinExe", StringComparison.OrdinalIgnoreCase));
        if (!isExe && project?.CompilationOptions?.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication && info.SdkStyle && info.OutputType is not null)
        {
            isExe = true;
        }

        if (!isExe || info.IsTestProject)
        {
            return new ProjectDeployment(string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) && !info.IsTestProject ? ProjectKind.Worker : ProjectKind.Library, frameworks);
        }

        if (References(info, project, "System.ServiceProcess") && info.IsNetFramework)
        {
            return new ProjectDeployment(ProjectKind.WindowsService, frameworks);
        }

        if (string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
            || References(info, project, "Microsoft.Extensions.Hosting"))
        {
            return new ProjectDeployment(ProjectKind.Worker, frameworks);
        }

        return new ProjectDeployment(ProjectKind.Console, frameworks);
    }

    /// <summary>A folder-based Web Site: always hosted by IIS; WebForms when it has pages or controls.</summary>
    public static ProjectDeployment WebSite(IReadOnlyList<string> files)
    {
        var frameworks = new SortedSet<string>(StringComparer.Ordinal) { "website" };
        AddMarkupFrameworks(frameworks, files);
        return new ProjectDeployment(ProjectKind.Web, frameworks.ToList());
    }

    private static bool IsWeb(ProjectFileInfo info)
    {
        if (string.Equals(info.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || string.Equals(info.Sdk, "Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (info.IsTestProject)
        {
            return false;
        }

        if (info.IsLegacyWebApplication || info.ImportsWebApplicationTargets
            || info.ProjectTypeGuids.Any(g => g == ProjectTypes.Wcf || ProjectTypes.Mvc.Contains(g)))
        {
            return true;
        }

        // Web applications whose GUIDs were dropped or whose WebApplication import sits behind a Visual Studio version
        // condition (Subtext's shape): hosted markup plus a Web.config next to the project is an IIS application.
        return !info.SdkStyle
            && info.WebContent.Any(f => HostedMarkup.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            && CaseInsensitivePath.Resolve(Path.Combine(Path.GetDirectoryName(info.FullPath)!, "Web.config")) is not null;
    }

    /// <summary>Assemblies (and the packages that bring them) that only test code references.</summary>
    private static readonly string[] TestFrameworkAssemblies =
    [
        "nunit.framework", "xunit", "xunit.core", "xunit.assert", "Microsoft.VisualStudio.QualityTools.UnitTestFramework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework", "MbUnit.Framework", "Machine.Specifications", "TechTalk.SpecFlow",
    ];

    private static readonly string[] TestFrameworkPackages = ["NUnit", "xunit", "xunit.core", "MSTest.TestFramework", "MbUnit", "Machine.Specifications", "SpecFlow"];

    /// <summary>
    /// A project of tests (or of test helpers): MSBuild's IsTestProject, a test SDK or test project type GUID, or, for a
    /// library, a reference to a test framework (old projects carry NUnit or MbUnit by HintPath and nothing else says
    /// they are tests). Test code is not deployed: its findings say nothing about the application's migration.
    /// </summary>
    public static bool IsTest(ProjectFileInfo? info, Project? project)
    {
        if (info is null || info.IsTestProject)
        {
            return info?.IsTestProject ?? false;
        }

        var isExe = info.OutputType is { } output && !output.Equals("Library", StringComparison.OrdinalIgnoreCase);
        return !isExe && !IsWeb(info)
            && (TestFrameworkAssemblies.Any(assembly => References(info, project, assembly)) || TestFrameworkPackages.Any(id => HasPackage(info, id)));
    }

    private static IReadOnlyList<string> Frameworks(ProjectFileInfo info, Project? project)
    {
        var frameworks = new SortedSet<string>(StringComparer.Ordinal);
        if (IsTest(info, project))
        {
            frameworks.Add(ProjectSummary.TestFramework);
        }

        if (string.Equals(info.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            frameworks.Add("aspnetcore");
        }

        if (info.ProjectTypeGuids.Any(ProjectTypes.Mvc.Contains) || References(info, project, "System.Web.Mvc") || HasPackage(info, "Microsoft.AspNet.Mvc"))
        {
            frameworks.Add("mvc");
        }

        if (References(info, project, "System.Web.Http") || HasPackage(info, "Microsoft.AspNet.WebApi.Core"))
        {
            frameworks.Add("webapi");
        }

        if (info.ProjectTypeGuids.Contains(ProjectTypes.Wcf))
        {
            frameworks.Add("wcf");
        }

        if (References(info, project, "Microsoft.AspNet.SignalR.Core") || HasPackage(info, "Microsoft.AspNet.SignalR.Core"))
        {
            frameworks.Add("signalr");
        }

        if (References(info, project, "Microsoft.Owin") || HasPackage(info, "Microsoft.Owin"))
        {
            frameworks.Add("owin");
        }

        AddMarkupFrameworks(frameworks, info.WebContent);
        return frameworks.ToList();
    }

    private static void AddMarkupFrameworks(SortedSet<string> frameworks, IEnumerable<string> files)
    {
        foreach (var extension in files.Select(f => Path.GetExtension(f).ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            if (WebFormsMarkup.Contains(extension, StringComparer.Ordinal))
            {
                frameworks.Add("webforms");
            }
            else if (extension == ".svc")
            {
                frameworks.Add("wcf");
            }
            else if (extension == ".asmx")
            {
                frameworks.Add("asmx");
            }
        }
    }

    private static bool HasPackage(ProjectFileInfo info, string id) =>
        info.PackageReferences.Contains(id, StringComparer.OrdinalIgnoreCase);

    private static bool References(ProjectFileInfo info, Project? project, string assemblyName) =>
        info.AssemblyReferences.Contains(assemblyName, StringComparer.OrdinalIgnoreCase)
        || (project?.MetadataReferences.Any(r => r.Display is { } display && Path.GetFileNameWithoutExtension(display).Equals(assemblyName, StringComparison.OrdinalIgnoreCase)) ?? false);
}
