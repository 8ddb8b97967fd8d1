using Microsoft.CodeAnalysis;
using StateLens.Engine.Loading;

namespace StateLens.Engine.Analysis;

/// <summary>Says what a project deploys as: web, worker, windows-service, console or library.</summary>
internal static class ProjectKinds
{
    public static string Classify(ProjectFileInfo? info, Project? project)
    {
        if (info is null)
        {
            return "library";
        }

        if (info.IsLegacyWebApplication || string.Equals(info.Sdk, "Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
        {
            return "web";
        }

        var isExe = info.OutputType is { } output && (output.Equals("Exe", StringComparison.OrdinalIgnoreCase) || output.Equals("WinExe", StringComparison.OrdinalIgnoreCase));
        if (!isExe && project?.CompilationOptions?.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication && info.SdkStyle && info.OutputType is not null)
        {
            isExe = true;
        }

        if (!isExe)
        {
            return string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? "worker" : "library";
        }

        if (References(project, "System.ServiceProcess") && info.IsNetFramework)
        {
            return "windows-service";
        }

        if (string.Equals(info.Sdk, "Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
            || References(project, "Microsoft.Extensions.Hosting"))
        {
            return "worker";
        }

        return "console";
    }

    private static bool References(Project? project, string assemblyName) =>
        project?.MetadataReferences.Any(r => r.Display is { } display && Path.GetFileNameWithoutExtension(display).Equals(assemblyName, StringComparison.OrdinalIgnoreCase)) ?? false;
}
