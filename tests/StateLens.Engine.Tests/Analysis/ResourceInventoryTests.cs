using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Engine.Analysis;
using StateLens.Engine.Model;
using StateLens.Engine.Tests.Infrastructure;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>The resources a solution names: from its settings files, its write targets and constants in its code.</summary>
public sealed class ResourceInventoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("statelens-resources-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ConnectionStrings_TakeTheReleaseValue_AndPointAtTheirLine()
    {
        Write("Web/Web.config", """
            <configuration>
              <connectionStrings>
                <add name="Shop" connectionString="Data Source=(LocalDb)\MSSQLLocalDB;Initial Catalog=Shop;Integrated Security=True" />
                <add name="Membership" connectionString="data source=.\SQLEXPRESS;AttachDBFilename=|DataDirectory|\aspnetdb.mdf;User Instance=true" />
                <add name="ShopEntities" connectionString="name=Shop" />
              </connectionStrings>
              <appSettings>
                <add key="ExportShare" value="\\FileServer\Exports\daily" />
                <add key="OrderQueue" value="FormatName:DIRECT=OS:mq01\private$\orders" />
                <add key="Theme" value="Blue" />
                <add key="RedisEnabled" value="true" />
              </appSettings>
            </configuration>
            """);
        Write("Web/Web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <connectionStrings>
                <add name="Shop" connectionString="Server=DB01,1433;Database=Shop;User Id=shop;Password=Rel3ase!" xdt:Transform="SetAttributes" xdt:Locator="Match(name)" />
              </connectionStrings>
            </configuration>
            """);

        var resources = Inventory([Models.Project("Web", "Web/Web.csproj")], []);

        Assert.Equal(
            [
                "file-database ~/app_data/aspnetdb.mdf: Web Web/Web.config:4 ConnectionStrings:Membership",
                "file-share //fileserver/exports: Web Web/Web.config:8 appSettings:ExportShare",
                "message-queue mq01/private$/orders: Web Web/Web.config:9 appSettings:OrderQueue",
                "sql-database db01/shop: Web Web/Web.Release.config:3 ConnectionStrings:Shop",
            ],
            Describe(resources));
    }

    [Fact]
    public void AppSettingsJson_ProductionWins_AndRedisIsReadUnderARedisKey()
    {
        Write("Api/appsettings.json", """
            {
              "ConnectionStrings": {
                "Orders": "Server=(localdb)\\MSSQLLocalDB;Database=Orders",
                "Cache": "redis01:6379,password=s3cret,abortConnect=false"
              },
              "Redis": { "Configuration": "redis01", "Database": "2" },
              "Storage": { "Root": "\\\\nas01\\media\\uploads" }
            }
            """);
        Write("Api/appsettings.Production.json", """{ "ConnectionStrings": { "Orders": "Data Source=sql-prod;Initial Catalog=Orders;User ID=api;Password=s3cret" } }""");

        var resources = Inventory([Models.Project("Api", "Api/Api.csproj")], []);

        Assert.Equal(
            [
                "file-share //nas01/media: Api Api/appsettings.json:7 Storage:Root",
                "redis redis01:6379: Api Api/appsettings.json:4 ConnectionStrings:Cache, Api Api/appsettings.json:6 Redis:Configuration",
                "sql-database sql-prod/orders: Api Api/appsettings.Production.json:1 ConnectionStrings:Orders",
            ],
            Describe(resources));
    }

    [Fact]
    public void WriteTargets_OnSharesAndHostFolders_AreResources_OthersAreNot()
    {
        Finding Write(string file, int line, string? directory, bool temporary = false, string? configKey = null) =>
            Models.Finding("SL1002", "Jobs", "M:Jobs.Export", file, line) with
            {
                Target = new WriteTarget { Kind = PathKind.Absolute, Directory = directory, Temporary = temporary, ConfigKey = configKey },
            };

        var resources = Inventory(
            [Models.Project("Jobs", "Jobs/Jobs.csproj")],
            [
                Write("Jobs/Export.cs", 12, "//FileServer/Exports/daily", configKey: "appSettings:ExportFolder"),
                Write("Jobs/Export.cs", 20, "C:/Data/Exports"),
                Write("Jobs/Export.cs", 30, "App_Data/uploads"),
                Write("Jobs/Export.cs", 40, "/tmp", temporary: true),
                Write("Jobs/Export.cs", 50, null),
            ]);

        Assert.Equal(
            [
                "file-share //fileserver/exports: Jobs Jobs/Export.cs:12 appSettings:ExportFolder",
                "host-folder c:/data/exports: Jobs Jobs/Export.cs:20 -",
            ],
            Describe(resources));
    }

    [Fact]
    public async Task CodeConstants_AtResourceApis_AreResources_AndOtherStringsAreNot()
    {
        var compilation = Compilations.CSharp(Framework.NetFramework, OutputKind.DynamicallyLinkedLibrary, """
            using System.Data.SqlClient;
            using System.IO;
            using System.Messaging;

            namespace StackExchange.Redis
            {
                public sealed class ConnectionMultiplexer { public static ConnectionMultiplexer Connect(string configuration) => null; }
            }

            public sealed class Jobs
            {
                private const string Reports = "Server=REPORTS01;Database=Sales;User Id=rpt;Password=Rpt!2024";

                public void Run(string user)
                {
                    using (var sales = new SqlConnection(Reports)) { }
                    var builder = new SqlConnectionStringBuilder("Data Source=(localdb)\\v11.0;Initial Catalog=Cache");
                    var queue = new MessageQueue(@".\private$\orders");
                    if (!MessageQueue.Exists(@"mq01\invoices")) { MessageQueue.Create(@"mq01\invoices"); }
                    StackExchange.Redis.ConnectionMultiplexer.Connect("redis01:6380,password=x");
                    File.WriteAllText(@"\\fileserver\exports\" + user + ".csv", "x");
                    var lines = File.ReadAllLines(@"C:\Data\in.csv");
                    var memory = new MemoryStream();
                    var connection = new SqlConnection("name=Shop");
                    System.Console.WriteLine("Server=db09;Database=Nope");
                }
            }
            """);
        var collector = new ResourceLiteralAnalyzer("Jobs", "/src");
        await compilation.WithAnalyzers([collector], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var resources = ResourceInventory.Collect(root, [], [], new Dictionary<string, ProjectConfiguration>(), collector.Literals);

        Assert.Equal(
            [
                "file-share //fileserver/exports: Jobs File0.cs:21 -",
                "local-db (localdb)/v11.0/cache: Jobs File0.cs:17 -",
                "message-queue ./private$/orders: Jobs File0.cs:18 -",
                "message-queue mq01/invoices: Jobs File0.cs:19 -",
                "redis redis01:6380: Jobs File0.cs:20 -",
                "sql-database reports01/sales: Jobs File0.cs:16 -",
            ],
            Describe(resources));
    }

    [Fact]
    public void TestProjectSettings_NameNoResources()
    {
        var config = """
            <configuration>
              <connectionStrings><add name="Db" connectionString="Server=db01;Database=Shop" /></connectionStrings>
            </configuration>
            """;
        Write("Web/Web.config", config);
        Write("Web.Tests/App.config", config.Replace("Shop", "ShopTests", StringComparison.Ordinal));

        var resources = Inventory([Models.Project("Web", "Web/Web.csproj"), Models.Project("Web.Tests", "Web.Tests/Web.Tests.csproj") with { Frameworks = ["test"] }], []);

        Assert.Equal(["sql-database db01/shop: Web Web/Web.config:2 ConnectionStrings:Db"], Describe(resources));
    }

    [Fact]
    public void ConnectionStringsNamingOtherConnectionStrings_OrNothing_AreSkipped()
    {
        Write("App/app.config", """
            <configuration>
              <connectionStrings>
                <add name="ShopContext" connectionString="name=Shop" />
                <add name="Storage" connectionString="UseDevelopmentStorage=true" />
              </connectionStrings>
            </configuration>
            """);

        Assert.Empty(Inventory([Models.Project("App", "App/App.csproj") with { Kind = ProjectKind.Console }], []));
    }

    [Fact]
    public void SerializedResources_CarryNoCredentials()
    {
        Write("Web/Web.config", """
            <configuration>
              <connectionStrings>
                <add name="Shop" connectionString="Server=db01;Database=shop;User ID=shopadmin;Password=Hunter2Hunter2" />
                <add name="Cache" connectionString="redis01,password=Hunter2Hunter2" />
              </connectionStrings>
            </configuration>
            """);

        var resources = Inventory([Models.Project("Web", "Web/Web.csproj")], []);
        var json = JsonSerializer.Serialize(resources);

        Assert.Equal(2, resources.Count);
        Assert.DoesNotContain("Hunter2", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("shopadmin", json, StringComparison.OrdinalIgnoreCase);
    }

    private IReadOnlyList<Resource> Inventory(IReadOnlyList<ProjectSummary> projects, IReadOnlyList<Finding> findings) =>
        ResourceInventory.Collect(
            root,
            projects,
            findings,
            projects.ToDictionary(p => p.Name, p => ProjectConfiguration.Load(Path.Combine(root, Path.GetDirectoryName(p.Path)!))),
            []);

    private static List<string> Describe(IReadOnlyList<Resource> resources) =>
        resources.Select(r => $"{ModelNames.Of(r.Kind)} {r.Name}: " + string.Join(", ", r.Uses.Select(u => $"{u.Project} {u.File}:{u.Line} {u.ConfigKey ?? "-"}"))).ToList();

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
