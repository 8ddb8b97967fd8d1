using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading;
using StateLens.Engine.Model;

namespace StateLens.Engine.Analysis;

/// <summary>Says what a project deploys as: web, worker, windows-service, console or library.</summary>
internal static class ProjectKinds
{
    public static ProjectKind Classify(ProjectFileInfo? info, Project? project)
    {
        if (info is null)
        {
            return ProjectKind.Library;
        }

        if (info.IsLegacyWebApplication || string.Equals(info.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            return ProjectKind.Web;
        }

        var isExe = info.OutputType is { } output && (output.Equals("Exe", StringComparison.OrdinalIgnoreCase) || output.Equals("WinExe", StringComparison.OrdinalIgnoreCase));
        if (!isExe && project?.CompilationOptions?.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication && info.SdkStyle && info.OutputType is not null)
        {
            isExe = true;
        }

        if (!isExe)
        {
            return string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? ProjectKind.Worker : ProjectKind.Library;
        }

        if (References(project, "System.ServiceProcess") && info.IsNetFramework)
        {
            return ProjectKind.WindowsService;
        }

        if (string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
            || References(project, "Microsoft.Extensions.Hosting"))
        {
            return ProjectKind.Worker;
        }

        return ProjectKind.Console;
    }

    private static bool References(Project? project, string assemblyName) =>
        project?.MetadataReferences.Any(r => r.Display is { } display && Path.GetFileNameWithoutExtension(display).Equals(assemblyName, StringComparison.OrdinalIgnoreCase)) ?? false;
}
