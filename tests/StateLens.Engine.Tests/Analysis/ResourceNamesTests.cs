using StateLens.Engine.Analysis;
using StateLens.Engine.Model;

namespace StateLens.Engine.Tests.Analysis;

/// <summary>Canonical resource names: one identity however an application spells it, and never a credential.</summary>
public sealed class ResourceNamesTests
{
    [Theory]
    [InlineData("server=DB01,1433;database=Orders;User Id=app;Password=Secr3t!")]
    [InlineData("Data Source=db01;Initial Catalog=orders;Integrated Security=True")]
    [InlineData("Server=tcp:DB01;Database=ORDERS;Trusted_Connection=yes")]
    [InlineData("Address=db01\\MSSQLSERVER;Initial Catalog=Orders")]
    public void SqlServerSpellings_AreOneDatabase(string connectionString) =>
        Assert.Equal(new NamedResource(ResourceKind.SqlDatabase, "db01/orders"), Connection(connectionString));

    [Theory]
    [InlineData("Server=.;Database=Shop")]
    [InlineData("Data Source=(local);Initial Catalog=shop")]
    [InlineData("Server=localhost,1433;Database=Shop")]
    [InlineData("Server=127.0.0.1;Database=Shop")]
    public void ThisHostSpellings_AreLocalhost(string connectionString) =>
        Assert.Equal(new NamedResource(ResourceKind.SqlDatabase, "localhost/shop"), Connection(connectionString));

    [Fact]
    public void NamedInstanceAndOtherPort_AreKept()
    {
        Assert.Equal("db01/reports/sales", Connection("Server=DB01\\Reports;Database=Sales")!.Name);
        Assert.Equal("db01:1444/sales", Connection("Server=db01,1444;Database=Sales")!.Name);
        Assert.Equal("localhost/sqlexpress/subtextdata", Connection("Server=.\\SQLEXPRESS;Database=SubtextData;Trusted_Connection=True;User Instance=false;")!.Name);
    }

    [Theory]
    [InlineData("Server=(localdb)\\MSSQLLocalDB;Database=Shop;Trusted_Connection=True")]
    [InlineData("Data Source=(LocalDb)\\mssqllocaldb; Initial Catalog=shop; Integrated Security=True; MultipleActiveResultSets=True")]
    public void LocalDbSpellings_AreOneLocalDbDatabase(string connectionString) =>
        Assert.Equal(new NamedResource(ResourceKind.LocalDb, "(localdb)/mssqllocaldb/shop"), Connection(connectionString));

    [Fact]
    public void SqlExpressUserInstance_IsALocalDatabase() =>
        Assert.Equal(
            new NamedResource(ResourceKind.LocalDb, "localhost/sqlexpress/shop"),
            Connection("Data Source=.\\SQLEXPRESS;Initial Catalog=Shop;Integrated Security=SSPI;User Instance=true"));

    [Fact]
    public void AttachedDataDirectoryFile_IsAnAppLocalFileDatabase()
    {
        const string Aspnetdb = "data source=.\\SQLEXPRESS;Integrated Security=SSPI;AttachDBFilename=|DataDirectory|\\aspnetdb.mdf;User Instance=true";

        Assert.Equal(new NamedResource(ResourceKind.FileDatabase, "~/app_data/aspnetdb.mdf"), ResourceNames.ConnectionString(Aspnetdb, true, "app_data"));
        Assert.Equal(new NamedResource(ResourceKind.FileDatabase, "~/aspnetdb.mdf"), ResourceNames.ConnectionString(Aspnetdb, true, string.Empty));
        Assert.Equal(
            new NamedResource(ResourceKind.FileDatabase, "c:/data/shop.mdf"),
            Connection("Server=(localdb)\\v11.0;AttachDbFilename=C:\\Data\\Shop.mdf;Integrated Security=True"));
    }

    [Fact]
    public void SqlCeSqliteAndLiteDbFiles_AreFileDatabases()
    {
        Assert.Equal(new NamedResource(ResourceKind.FileDatabase, "~/app_data/blog.sdf"), ResourceNames.ConnectionString("Data Source=|DataDirectory|\\Blog.sdf", true, "app_data"));
        Assert.Equal(new NamedResource(ResourceKind.FileDatabase, "~/shop.db"), Connection("Data Source=shop.db;Cache=Shared"));
        Assert.Equal(new NamedResource(ResourceKind.FileDatabase, "d:/db/cache.litedb"), Connection("Filename=D:\\db\\cache.litedb;Connection=shared"));
        Assert.Null(Connection("Data Source=:memory:"));
        Assert.Null(Connection("Data Source=shop.db;Mode=Memory;Cache=Shared"));
    }

    [Fact]
    public void EntityFrameworkConnectionString_IsReadThroughItsProviderString() =>
        Assert.Equal(
            new NamedResource(ResourceKind.SqlDatabase, "db01/orders"),
            Connection("metadata=res://*/Shop.csdl|res://*/Shop.ssdl;provider=System.Data.SqlClient;provider connection string=\"data source=DB01;initial catalog=Orders;MultipleActiveResultSets=True\""));

    [Theory]
    [InlineData("name=ShopContext")]
    [InlineData("ShopContext")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=abc==")]
    [InlineData("not a connection string at all")]
    public void ValuesThatNameNoDatabase_AreNotResources(string value) =>
        Assert.Empty(ResourceNames.FromValue(value, redisHint: false, connectionString: true, string.Empty));

    [Fact]
    public void ServerWithoutDatabase_IsADatabaseOnlyUnderAConnectionStringKey()
    {
        Assert.Equal("db01/(default)", Connection("Server=db01;User Id=sa;Password=x")!.Name);
        Assert.Empty(ResourceNames.FromValue("Server=db01", redisHint: false, connectionString: false, string.Empty));
    }

    [Fact]
    public void Redis_IsOneResourcePerEndpoint_WithTheDefaultPort()
    {
        Assert.Equal(
            [new NamedResource(ResourceKind.Redis, "redis01:6379"), new NamedResource(ResourceKind.Redis, "redis02:6380")],
            ResourceNames.FromValue("REDIS01,redis02:6380,password=hunter2,ssl=True,abortConnect=False", redisHint: true, connectionString: true, string.Empty));
        Assert.Equal(
            [new NamedResource(ResourceKind.Redis, "cache.example.net:6380")],
            ResourceNames.FromValue("cache.example.net:6380,password=x,ssl=True,abortConnect=False", redisHint: false, connectionString: false, string.Empty));
        Assert.Equal([new NamedResource(ResourceKind.Redis, "localhost:6379")], ResourceNames.Redis("secret@127.0.0.1"));
        Assert.Empty(ResourceNames.FromValue("2", redisHint: true, connectionString: false, string.Empty));
        Assert.Empty(ResourceNames.FromValue("true", redisHint: true, connectionString: false, string.Empty));
    }

    [Theory]
    [InlineData(".\\private$\\Orders", "./private$/orders")]
    [InlineData("localhost\\Private$\\orders", "./private$/orders")]
    [InlineData("FormatName:DIRECT=OS:.\\private$\\orders", "./private$/orders")]
    [InlineData("FormatName:DIRECT=OS:MQ01\\private$\\Orders", "mq01/private$/orders")]
    [InlineData("FormatName:DIRECT=TCP:10.0.0.5\\private$\\orders", "10.0.0.5/private$/orders")]
    public void MsmqPaths_AreQueues(string path, string name) =>
        Assert.Equal(new NamedResource(ResourceKind.MessageQueue, name), ResourceNames.FromValue(path, false, false, string.Empty).Single());

    [Fact]
    public void PublicQueuePath_IsAQueueOnlyAtAQueueApi()
    {
        Assert.Equal(new NamedResource(ResourceKind.MessageQueue, "mq01/orders"), ResourceNames.Queue("MQ01\\Orders", anyPath: true));
        Assert.Empty(ResourceNames.FromValue("CORP\\svc-shop", false, false, string.Empty));
    }

    [Fact]
    public void BrokersAndServiceBus_AreQueues_WithoutCredentials()
    {
        Assert.Equal(new NamedResource(ResourceKind.MessageQueue, "rabbit01/shop"), ResourceNames.FromValue("amqp://guest:guest@Rabbit01:5672/shop", false, false, string.Empty).Single());
        Assert.Equal(
            new NamedResource(ResourceKind.MessageQueue, "shop.servicebus.windows.net/orders"),
            ResourceNames.FromValue("Endpoint=sb://shop.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=abc=;EntityPath=Orders", false, true, string.Empty).Single());
    }

    [Theory]
    [InlineData("\\\\FileServer\\Exports\\daily")]
    [InlineData("//fileserver/exports")]
    [InlineData("\\\\fileserver\\exports\\")]
    public void UncPaths_AreTheirShare(string path) =>
        Assert.Equal(new NamedResource(ResourceKind.FileShare, "//fileserver/exports"), ResourceNames.FromValue(path, false, false, string.Empty).Single());

    [Fact]
    public void HostFolders_AreAbsoluteFoldersOnly()
    {
        Assert.Equal(new NamedResource(ResourceKind.HostFolder, "c:/data/exports"), ResourceNames.HostFolder("C:/Data/Exports/"));
        Assert.Equal(new NamedResource(ResourceKind.HostFolder, "d:/"), ResourceNames.HostFolder("D:"));
        Assert.Equal(new NamedResource(ResourceKind.HostFolder, "/var/data"), ResourceNames.HostFolder("/var/data"));
        Assert.Null(ResourceNames.HostFolder("App_Data/uploads"));
        Assert.Null(ResourceNames.HostFolder("//fileserver/exports"));
    }

    [Fact]
    public void Names_NeverCarryCredentials()
    {
        string[] values =
        [
            "Server=db01;Database=orders;User ID=shopuser;Password=Pa55word",
            "redis01:6379,password=Pa55word,ssl=True,abortConnect=False",
            "amqp://shopuser:Pa55word@rabbit01/",
            "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=shopuser;SharedAccessKey=Pa55word",
        ];
        foreach (var value in values)
        {
            var resource = Assert.Single(ResourceNames.FromValue(value, value.StartsWith("redis", StringComparison.Ordinal), true, string.Empty));
            Assert.DoesNotContain("pa55word", resource.Name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("shopuser", resource.Name, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static NamedResource? Connection(string text) => ResourceNames.ConnectionString(text, connectionString: true, string.Empty);
}
