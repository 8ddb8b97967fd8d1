using Microsoft.CodeAnalysis;

namespace StateLens.Rules.Tests.Infrastructure;

/// <summary>A NuGet package whose real assemblies a snippet compiles against (fetched by a PackageDownload item).</summary>
public sealed record Package(string Id, string Version);

/// <summary>
/// Third-party libraries the rules recognise, as published: the tests bind against the real public API instead of
/// hand-written look-alikes that could agree with the analyzer and disagree with the library. Each one is a
/// PackageDownload in StateLens.Rules.Tests.csproj with the same exact version (a meta-test keeps them equal).
/// </summary>
public static class Packages
{
    public static readonly Package Serilog = new("Serilog", "4.4.0");
    public static readonly Package SerilogSinksFile = new("Serilog.Sinks.File", "7.0.0");
    public static readonly Package SerilogSinksConsole = new("Serilog.Sinks.Console", "6.1.1");
    public static readonly Package SerilogSinksAsync = new("Serilog.Sinks.Async", "2.1.0");
    public static readonly Package Log4Net = new("log4net", "3.5.0");
    public static readonly Package NLog = new("NLog", "6.2.2");
    public static readonly Package EntityFrameworkCore = new("Microsoft.EntityFrameworkCore", "10.0.15");
    public static readonly Package EntityFrameworkCoreAbstractions = new("Microsoft.EntityFrameworkCore.Abstractions", "10.0.15");
    public static readonly Package EntityFrameworkCoreRelational = new("Microsoft.EntityFrameworkCore.Relational", "10.0.15");
    public static readonly Package EntityFrameworkCoreSqlite = new("Microsoft.EntityFrameworkCore.Sqlite.Core", "10.0.15");
    public static readonly Package EntityFrameworkCoreSqlServer = new("Microsoft.EntityFrameworkCore.SqlServer", "10.0.15");
    public static readonly Package DataSqlite = new("Microsoft.Data.Sqlite.Core", "10.0.15");
    public static readonly Package ClosedXml = new("ClosedXML", "0.95.4");
    public static readonly Package OpenXml = new("DocumentFormat.OpenXml", "3.3.0");
    public static readonly Package OpenXmlFramework = new("DocumentFormat.OpenXml.Framework", "3.3.0");
    public static readonly Package ImageSharp = new("SixLabors.ImageSharp", "2.1.13");
    public static readonly Package StackExchangeRedisCache = new("Microsoft.Extensions.Caching.StackExchangeRedis", "10.0.15");
    public static readonly Package OutputCachingStackExchangeRedis = new("Microsoft.AspNetCore.OutputCaching.StackExchangeRedis", "10.0.15");
    public static readonly Package StackExchangeRedis = new("StackExchange.Redis", "2.8.16");
    public static readonly Package Autofac = new("Autofac", "4.9.4");
    public static readonly Package Unity = new("Unity", "5.11.10");
    public static readonly Package SimpleInjector = new("SimpleInjector", "4.9.1");
    public static readonly Package LuceneNet = new("Lucene.Net", "4.8.0-beta00017");
    public static readonly Package SharpZipLib = new("SharpZipLib", "1.4.2");
    public static readonly Package DotNetZip = new("DotNetZip", "1.16.0");
    public static readonly Package LiteDb = new("LiteDB", "5.0.21");
    public static readonly Package SystemDrawingCommon = new("System.Drawing.Common", "10.0.15");
    public static readonly Package Quartz = new("Quartz", "3.22.10");
    public static readonly Package HangfireCore = new("Hangfire.Core", "1.8.25");
    public static readonly Package HangfireInMemory = new("Hangfire.InMemory", "1.0.0");
    public static readonly Package HangfireSqlServer = new("Hangfire.SqlServer", "1.8.25");
    public static readonly Package SignalRStackExchangeRedis = new("Microsoft.AspNetCore.SignalR.StackExchangeRedis", "10.0.15");
    public static readonly Package EntityFrameworkCoreInMemory = new("Microsoft.EntityFrameworkCore.InMemory", "10.0.15");

    public static IReadOnlyList<Package> All { get; } =
    [
        Serilog, SerilogSinksFile, SerilogSinksConsole, SerilogSinksAsync, Log4Net, NLog,
        EntityFrameworkCore, EntityFrameworkCoreAbstractions, EntityFrameworkCoreRelational, EntityFrameworkCoreSqlite, EntityFrameworkCoreSqlServer, DataSqlite,
        ClosedXml, OpenXml, OpenXmlFramework, ImageSharp, StackExchangeRedisCache, OutputCachingStackExchangeRedis, StackExchangeRedis,
        Autofac, Unity, SimpleInjector,
        LuceneNet, SharpZipLib, DotNetZip, LiteDb, SystemDrawingCommon,
        Quartz, HangfireCore, HangfireInMemory, HangfireSqlServer, SignalRStackExchangeRedis, EntityFrameworkCoreInMemory,
    ];

    /// <summary>Preference order of lib/ folders for each target: the newest the target can load comes first.</summary>
    private static readonly Dictionary<Framework, string[]> LibFolders = new()
    {
        [Framework.NetCore] = ["net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0"],
        [Framework.NetFramework] = ["net48", "net472", "net471", "net462", "net461", "net46", "net45", "net40", "netstandard2.0"],
    };

    public static IReadOnlyList<MetadataReference> References(Framework framework, IEnumerable<Package> packages)
    {
        var root = References_NuGetRoot();
        var references = new List<MetadataReference>();
        foreach (var package in packages)
        {
            var folder = Path.Combine(root, package.Id.ToLowerInvariant(), package.Version);
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"{package.Id} {package.Version} is not in {root}: add <PackageDownload Include=\"{package.Id}\" Version=\"[{package.Version}]\" /> to StateLens.Rules.Tests.csproj.");
            }

            var lib = LibFolders[framework].Select(tfm => Path.Combine(folder, "lib", tfm)).FirstOrDefault(Directory.Exists)
                ?? throw new InvalidOperationException($"{package.Id} {package.Version} has no lib folder for {framework}.");
            references.AddRange(Directory.GetFiles(lib, "*.dll").Order(StringComparer.Ordinal).Select(dll => MetadataReference.CreateFromFile(dll)));
        }

        return references;
    }

    private static string References_NuGetRoot() => Infrastructure.References.AssemblyMetadata("NuGetPackageRoot");
}
