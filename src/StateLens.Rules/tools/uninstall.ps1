# Removes what install.ps1 added (packages.config projects only).
param($installPath, $toolsPath, $package, $project)

if ($project.Object.SupportsPackageDependencyResolution) {
    if ($project.Object.SupportsPackageDependencyResolution()) {
        return
    }
}

$language = if ($project.Type -eq "VB.NET") { "vb" } else { "cs" }
$analyzersPath = Join-Path $installPath (Join-Path "analyzers" (Join-Path "dotnet" (Join-Path "roslyn3.11" $language)))
if (-not (Test-Path $analyzersPath)) {
    return
}

foreach ($analyzer in Get-ChildItem -Path $analyzersPath -Filter *.dll) {
    if ($project.Object.AnalyzerReferences) {
        try {
            $project.Object.AnalyzerReferences.Remove($analyzer.FullName)
        }
        catch {
            # Already removed by hand: nothing to undo.
        }
    }
}
