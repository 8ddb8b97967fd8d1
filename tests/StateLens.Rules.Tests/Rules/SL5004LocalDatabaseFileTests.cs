using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL5004LocalDatabaseFileTests
{
    private const string Id = "SL5004";

    private static Task VerifyConfigAsync(params AdditionalFile[] files) =>
        Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>(HostCouplingSamples.NoCode, Framework.NetCore, files);

    [Fact]
    public Task FullWebConfig_LocalDbAndSqlCeConnectionStrings_AreReported() =>
        VerifyConfigAsync(new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.For(Id, HostCouplingSamples.WebConfig)));

    [Fact]
    public Task AppSettings_LocalDbAndSqliteConnectionStrings_AreReported() =>
        VerifyConfigAsync(new AdditionalFile("/src/Shop.Web/appsettings.json", HostCouplingSamples.For(Id, HostCouplingSamples.AppSettings)));

    [Fact]
    public Task EveryLocalFileShape_IsReported() => VerifyConfigAsync(new AdditionalFile("/src/Legacy/App.config", """
        <configuration>
          <connectionStrings>
            {|SL5004:<add name="Attached" connectionString="Server=.\SQLEXPRESS;AttachDbFilename=C:\Data\Shop.mdf;Integrated Security=True;User Instance=True" />|}
            {|SL5004:<add name="Mdf" connectionString="Data Source=.\SQLEXPRESS;Initial Catalog=Shop;Database=Shop.mdf" />|}
            {|SL5004:<add name="Compact" connectionString="Data Source=App_Data\Offline.sdf;Persist Security Info=False;" providerName="System.Data.SqlServerCe.4.0" />|}
            {|SL5004:<add name="Sqlite" connectionString="Data Source=shop.sqlite;Version=3;" providerName="System.Data.SQLite" />|}
            {|SL5004:<add name="Sqlite3" connectionString="DataSource = 'cache.sqlite3'" />|}
            {|SL5004:<add name="MsSqlite" connectionString="Filename=./data/orders.db" />|}
            {|SL5004:<add name="EfCompact" connectionString="metadata=res://*/Offline.csdl|res://*/Offline.ssdl|res://*/Offline.msl;provider=System.Data.SqlServerCe.4.0;provider connection string=&quot;Data Source=C:\Shop\Offline.sdf;Password=x&quot;" providerName="System.Data.EntityClient" />|}
            <add name="EfServer" connectionString="metadata=res://*/Shop.csdl|res://*/Shop.ssdl|res://*/Shop.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=sql01;initial catalog=Shop;integrated security=True;MultipleActiveResultSets=True;App=EntityFramework&quot;" providerName="System.Data.EntityClient" />
            <add name="Memory" connectionString="Data Source=:memory:" />
            <add name="SharedMemory" connectionString="Data Source=InMemorySample;Mode=Memory;Cache=Shared" />
            <add name="Server" connectionString="Data Source=sql01.corp.local;Initial Catalog=Shop;Integrated Security=SSPI" />
            <add name="Oracle" connectionString="Data Source=(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora01)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=SHOP)));User Id=shop;" />
          </connectionStrings>
          <appSettings>
            <add key="LocalCopy" value="Data Source=shop.db" />
          </appSettings>
        </configuration>
        """));

    [Fact]
    public Task LocalExpressInstancesAndUserInstances_AreReported_NamedServersAreNot() => VerifyConfigAsync(new AdditionalFile("/src/Intranet/Web.config", """
        <configuration>
          <connectionStrings>
            {|SL5004:<add name="Dev" connectionString="Data Source=.\SQLEXPRESS;Initial Catalog=Intranet;Integrated Security=True" providerName="System.Data.SqlClient" />|}
            {|SL5004:<add name="Local" connectionString="server=(local)\SQLExpress; database=Intranet; trusted_connection=yes" />|}
            {|SL5004:<add name="Loopback" connectionString="Server=localhost\SQLEXPRESS;Database=Audit;User Id=audit;Password=x" />|}
            {|SL5004:<add name="UserInstance" connectionString="Data Source=sql01\SQLEXPRESS;Initial Catalog=Intranet;User Instance=true" />|}
            {|SL5004:<add name="Edmx" connectionString="metadata=res://*/Intranet.csdl|res://*/Intranet.ssdl|res://*/Intranet.msl;provider=System.Data.SqlClient;provider connection string=&quot;data source=.\SQLEXPRESS;initial catalog=Intranet;integrated security=True&quot;" providerName="System.Data.EntityClient" />|}
            <add name="SharedExpress" connectionString="Data Source=DB01\SQLEXPRESS;Initial Catalog=Intranet;Integrated Security=True" />
            <add name="DefaultInstance" connectionString="Data Source=sql01;Initial Catalog=SQLEXPRESS_Archive;User Instance=false" />
          </connectionStrings>
        </configuration>
        """));

    [Fact]
    public Task Ef6LocalDbDefaultConnectionFactory_IsReported_WhenNoServerConnectionStringIsNamed() => VerifyConfigAsync(
        new AdditionalFile("/src/Blog/Web.config", """
            <configuration>
              <entityFramework>
                {|SL5004:<defaultConnectionFactory type="System.Data.Entity.Infrastructure.LocalDbConnectionFactory, EntityFramework">|}
                  <parameters><parameter value="mssqllocaldb" /></parameters>
                </defaultConnectionFactory>
              </entityFramework>
            </configuration>
            """),
        new AdditionalFile("/src/Kiosk/App.config", """
            <configuration>
              <entityFramework>
                {|SL5004:<defaultConnectionFactory type="System.Data.Entity.Infrastructure.SqlCeConnectionFactory, EntityFramework" />|}
              </entityFramework>
            </configuration>
            """),
        new AdditionalFile("/src/Shop/Web.config", """
            <configuration>
              <connectionStrings>
                <add name="ShopContext" connectionString="Server=sql01;Database=Shop;Integrated Security=SSPI" providerName="System.Data.SqlClient" />
              </connectionStrings>
              <entityFramework>
                <defaultConnectionFactory type="System.Data.Entity.Infrastructure.LocalDbConnectionFactory, EntityFramework" />
              </entityFramework>
            </configuration>
            """),
        new AdditionalFile("/src/Crm/Web.config", """
            <configuration>
              <connectionStrings configSource="connectionStrings.config" />
              <entityFramework>
                <defaultConnectionFactory type="System.Data.Entity.Infrastructure.LocalDbConnectionFactory, EntityFramework" />
              </entityFramework>
            </configuration>
            """),
        new AdditionalFile("/src/Api/Web.config", """
            <configuration>
              <entityFramework>
                <defaultConnectionFactory type="System.Data.Entity.Infrastructure.SqlConnectionFactory, EntityFramework" />
              </entityFramework>
            </configuration>
            """));

    [Fact]
    public Task LiteDbDatabasesOpenedFromFileNames_AreReported_InMemoryIsNot() => Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>("""
        using System;
        using System.IO;
        using LiteDB;

        public class BlogStore
        {
            private readonly string _folder = AppContext.BaseDirectory;

            public LiteDatabase Open() => new LiteDatabase({|SL5004:Path.Combine(_folder, "blog.db")|});

            public LiteDatabase OpenShared(string file) => new LiteDatabase({|SL5004:$"Filename={file};Connection=shared"|});

            public LiteRepository Repository() => new LiteRepository({|SL5004:"posts.db"|});

            public LiteDatabase Scratch() => new LiteDatabase(":memory:");

            public LiteDatabase FromStream(Stream stream) => new LiteDatabase(stream);
        }
        """, [Packages.LiteDb]);

    [Fact]
    public Task AppSettingsKeyNamedConnectionString_IsReported() => VerifyConfigAsync(new AdditionalFile("/src/Worker/appsettings.json", """
        {
          "Outbox": {
            {|SL5004:"ConnectionString": "Data Source=outbox.db;Cache=Shared"|},
            "PollSeconds": 5
          },
          "Database": { "Server": "Data Source=app.db" },
          "ConnectionStrings": {
            "Postgres": "Host=db;Database=shop;Username=shop;Password=secret"
          }
        }
        """));

    [Fact]
    public Task ConstantConnectionStringsInCode_AreReported() => Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>(new[]
    {
        """
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;

        public class ShopContextFactory
        {
            private const string LocalDb = "Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True";

            public void Configure(DbContextOptionsBuilder options, bool offline, string configured)
            {
                if (offline)
                {
                    options.UseSqlite({|SL5004:"Data Source=shop.db"|});
                }
                else
                {
                    options.UseSqlServer({|SL5004:LocalDb|});
                }

                options.UseSqlServer(configured);
                options.UseSqlServer("Server=sql01;Database=Shop;User Id=shop;Password=secret");
            }

            public void Migrate()
            {
                using (var connection = new SqliteConnection({|SL5004:"Data Source=App_Data/catalog.sqlite"|}))
                {
                    connection.Open();
                }
            }
        }
        """,
    }, [Packages.EntityFrameworkCore, Packages.EntityFrameworkCoreAbstractions, Packages.EntityFrameworkCoreRelational, Packages.EntityFrameworkCoreSqlite, Packages.EntityFrameworkCoreSqlServer, Packages.DataSqlite]);

    [Fact]
    public Task SqlConnectionAndEf6BaseConstructor_AreReported() => Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>("""
        using System.Data.SqlClient;

        public class LegacyRepository
        {
            public int CountOrders()
            {
                using (var connection = new SqlConnection({|SL5004:@"Data Source=(LocalDB)\v11.0;AttachDbFilename=|DataDirectory|\Orders.mdf;Integrated Security=True"|}))
                using (var command = new SqlCommand("select count(*) from Orders", connection))
                {
                    connection.Open();
                    return (int)command.ExecuteScalar();
                }
            }

            public SqlConnection Reporting() => new SqlConnection("Server=reports01;Database=Reports;Integrated Security=SSPI");
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicSqlConnection_IsReported() => Verify.VisualBasicAsync<LocalDatabaseFileAnalyzer>("""
        Imports System.Data.SqlClient

        Public Class CustomerData
            Public Function Open() As SqlConnection
                Dim connection As New SqlConnection({|SL5004:"Data Source=.\SQLEXPRESS;AttachDbFilename=|DataDirectory|\Customers.mdf;Integrated Security=True"|})
                connection.Open()
                Return connection
            End Function
        End Class
        """, Framework.NetFramework);

    [Fact]
    public async Task ConfigFinding_NamesTheConnectionString()
    {
        var diagnostics = await Verify.DiagnosticsAsync<LocalDatabaseFileAnalyzer>(
            HostCouplingSamples.NoCode, Framework.NetCore, new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.Plain(HostCouplingSamples.WebConfig)));
        var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
        Assert.Equal("Web.config:connectionStrings/add[DefaultConnection]", first.Properties[FindingProperties.Symbol]);
        Assert.Equal("connectionStrings:DefaultConnection", first.Properties[FindingProperties.ConfigKey]);
        Assert.StartsWith("'DefaultConnection' points to a database file", first.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task ExternalConnectionStringsFile_IsReported_ItsTransformAndPackagesConfigAreNot() => VerifyConfigAsync(
        new AdditionalFile("/src/MusicStore/connectionStrings.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <connectionStrings>
              {|SL5004:<add name="MusicStoreEntities" connectionString="Data Source=|DataDirectory|MvcMusicStore.sdf" providerName="System.Data.SqlServerCe.4.0" />|}
              <add name="Reporting" connectionString="Server=sql01;Database=Reporting;Integrated Security=True" providerName="System.Data.SqlClient" />
            </connectionStrings>
            """),
        new AdditionalFile("/src/MusicStore/connectionStrings.Debug.config", """
            <connectionStrings>
              <add name="MusicStoreEntities" connectionString="Data Source=|DataDirectory|MvcMusicStore.sdf" />
            </connectionStrings>
            """),
        new AdditionalFile("/src/MusicStore/packages.config", """
            <packages>
              <package id="EntityFramework" version="6.4.4" targetFramework="net48" />
            </packages>
            """),
        new AdditionalFile("/src/MusicStore/Web.config", """
            <configuration>
              <connectionStrings configSource="connectionStrings.config" />
            </configuration>
            """));

    [Fact]
    public Task ConnectionStringsBuiltAroundAFilePath_AreReported_ConfiguredOnesAreNot() => Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>(new[]
    {
        """
        using System.IO;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Configuration;

        public class BlogDbSetup
        {
            private readonly IWebHostEnvironment env;
            private readonly IConfiguration configuration;

            public BlogDbSetup(IWebHostEnvironment env, IConfiguration configuration)
            {
                this.env = env;
                this.configuration = configuration;
            }

            public void Configure(DbContextOptionsBuilder options, string tenant)
            {
                var dbPath = Path.Combine(env.ContentRootPath, "App_Data", "blog.db");
                options.UseSqlite({|SL5004:$"Data Source={dbPath}"|});

                var tenantDb = "Data Source=" + Path.Combine(env.ContentRootPath, "tenants", tenant + ".sqlite") + ";Cache=Shared";
                using (var connection = new SqliteConnection({|SL5004:tenantDb|}))
                {
                    connection.Open();
                }

                options.UseSqlite($"Data Source={configuration["Blog:DatabasePath"]}");
                options.UseSqlServer($"Server={configuration["Sql:Host"]};Database=Blog;Integrated Security=True");
            }
        }
        """,
    }, [Packages.EntityFrameworkCore, Packages.EntityFrameworkCoreAbstractions, Packages.EntityFrameworkCoreRelational, Packages.EntityFrameworkCoreSqlite, Packages.EntityFrameworkCoreSqlServer, Packages.DataSqlite]);

    private const string Ef6Stub = """
        namespace System.Data.Common { public abstract class DbConnection { } }
        namespace System.Data.Entity
        {
            public class DbContext
            {
                protected DbContext() { }
                public DbContext(string nameOrConnectionString) { }
                public DbContext(System.Data.Common.DbConnection existingConnection, bool contextOwnsConnection) { }
            }
        }
        """;

    private const string FactoryConfig = """
        <configuration>
          <connectionStrings>
            {|SL5004:<add name="CatalogDBContext" connectionString="Data Source=(localdb)\MSSQLLocalDB;Initial Catalog=Catalog;Integrated Security=True" providerName="System.Data.SqlClient" />|}
          </connectionStrings>
          <entityFramework>
            FACTORY
          </entityFramework>
        </configuration>
        """;

    private const string Factory = """<defaultConnectionFactory type="System.Data.Entity.Infrastructure.LocalDbConnectionFactory, EntityFramework" />""";

    private static Task VerifyContextsAsync(string code, bool factoryReported) =>
        Verify.AnalyzerAsync<LocalDatabaseFileAnalyzer>(
            Ef6Stub + code,
            Framework.NetFramework,
            new AdditionalFile("/src/Catalog/Web.config", FactoryConfig.Replace("FACTORY", factoryReported ? "{|SL5004:" + Factory + "|}" : Factory)));

    [Fact]
    public Task Ef6DefaultFactory_IsNotReported_WhenEveryContextHasItsNamedConnectionString() => VerifyContextsAsync("""
        namespace Catalog.Models
        {
            public class CatalogDBContext : System.Data.Entity.DbContext
            {
                public CatalogDBContext() : base("name=CatalogDBContext") { }
                public CatalogDBContext(int pageSize) : this() { }
            }

            public class AuditContext : System.Data.Entity.DbContext
            {
                public AuditContext(System.Data.Common.DbConnection connection) : base(connection, true) { }
            }

            public class ReportingContext : System.Data.Entity.DbContext
            {
                public ReportingContext() : base("Server=sql01;Database=Reports;Integrated Security=SSPI") { }
            }
        }

        namespace Catalog.Legacy
        {
            public class CatalogDBContext : System.Data.Entity.DbContext { }
        }
        """, factoryReported: false);

    [Theory]
    [InlineData("public class OrdersContext : System.Data.Entity.DbContext { }")]
    [InlineData("public class OrdersContext : System.Data.Entity.DbContext { public OrdersContext() : base(\"name=OrdersDb\") { } }")]
    [InlineData("public class OrdersContext : System.Data.Entity.DbContext { public OrdersContext() : base(\"OrdersDb\") { } }")]
    [InlineData("public class OrdersContext : System.Data.Entity.DbContext { public OrdersContext() : base(Settings.Name) { } }")]
    [InlineData("public class CatalogDBContext : System.Data.Entity.DbContext { public CatalogDBContext() : base(\"name=CatalogDBContext\") { } public CatalogDBContext(bool local) { } } public class Local : CatalogDBContext { public Local() : base(true) { } }")]
    public Task Ef6DefaultFactory_IsReported_WhenSomeContextMayFallBackToIt(string context) => VerifyContextsAsync(
        "public static class Settings { public static string Name = \"OrdersDb\"; }\n" + context,
        factoryReported: true);
}
