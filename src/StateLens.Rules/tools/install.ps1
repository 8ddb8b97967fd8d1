# NuGet runs this for packages.config projects only (PackageReference projects get the analyzers from the package
# layout). It adds the Roslyn 3.11 build of the analyzers as <Analyzer> items: that build loads in every Visual
# Studio from 2019 16.11 on, while the Roslyn 4.14 build needs VS 2022 17.14.
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
        $project.Object.AnalyzerReferences.Add($analyzer.FullName)
    }
}
