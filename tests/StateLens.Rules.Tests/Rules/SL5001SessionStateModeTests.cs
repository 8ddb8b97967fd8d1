using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL5001SessionStateModeTests
{
    private const string Id = "SL5001";

    private static Task VerifyWebConfigAsync(string webConfig, string path = "/src/LegacyShop/Web.config") =>
        Verify.AnalyzerAsync<SessionStateModeAnalyzer>(HostCouplingSamples.NoCode, Framework.NetFramework, new AdditionalFile(path, webConfig));

    [Fact]
    public Task FullWebConfig_InProcSessionState_IsReported() =>
        VerifyWebConfigAsync(HostCouplingSamples.For(Id, HostCouplingSamples.WebConfig));

    [Fact]
    public Task StateServerModeInLocationElement_IsReported() => VerifyWebConfigAsync("""
        <configuration>
          <location path="Checkout">
            <system.web>
              {|SL5001:<sessionState mode="StateServer" stateConnectionString="tcpip=127.0.0.1:42424" timeout="20" />|}
            </system.web>
          </location>
        </configuration>
        """);

    [Fact]
    public Task ModeIsCaseInsensitive_AndNamespacedConfigurationIsRead() => VerifyWebConfigAsync("""
        <?xml version="1.0"?>
        <configuration xmlns="http://schemas.microsoft.com/.NetConfiguration/v2.0">
          <system.web>
            {|SL5001:<sessionState mode="inproc"
                          cookieless="UseCookies"
                          timeout="20">|}
            </sessionState>
          </system.web>
        </configuration>
        """);

    [Fact]
    public Task SessionStateWithoutMode_IsReportedAsDefaultInProc() => VerifyWebConfigAsync("""
        <configuration>
          <system.web>
            {|SL5001:<sessionState timeout="60" />|}
          </system.web>
        </configuration>
        """);

    [Fact]
    public Task InProcWithUnusedCustomProvider_IsReported() => VerifyWebConfigAsync("""
        <configuration>
          <system.web>
            {|SL5001:<sessionState mode="InProc" customProvider="DefaultSessionProvider">|}
              <providers>
                <add name="DefaultSessionProvider" type="System.Web.Providers.DefaultSessionStateProvider, System.Web.Providers" connectionStringName="DefaultConnection" />
              </providers>
            </sessionState>
          </system.web>
        </configuration>
        """);

    [Fact]
    public Task SqlServerCustomAndOffModes_AreNotReported() => VerifyWebConfigAsync("""
        <configuration>
          <system.web>
            <sessionState mode="SQLServer" sqlConnectionString="Data Source=sql01;Integrated Security=SSPI" allowCustomSqlDatabase="true" />
          </system.web>
          <location path="api">
            <system.web>
              <sessionState mode="Custom" customProvider="RedisSessionProvider">
                <providers>
                  <add name="RedisSessionProvider" type="Microsoft.Web.Redis.RedisSessionStateProvider" host="redis" port="6379" />
                </providers>
              </sessionState>
            </system.web>
          </location>
          <location path="static">
            <system.web>
              <sessionState mode="Off" />
            </system.web>
          </location>
        </configuration>
        """);

    [Fact]
    public Task WebConfigWithoutSessionState_IsNotReported() => VerifyWebConfigAsync("""
        <configuration>
          <system.web>
            <compilation debug="true" targetFramework="4.8" />
          </system.web>
        </configuration>
        """);

    [Fact]
    public Task ConfigTransformAndExternalSection_AreNotReported() => Verify.AnalyzerAsync<SessionStateModeAnalyzer>(
        HostCouplingSamples.NoCode,
        Framework.NetFramework,
        new AdditionalFile("/src/LegacyShop/Web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web>
                <sessionState mode="InProc" xdt:Transform="Replace" />
              </system.web>
            </configuration>
            """),
        new AdditionalFile("/src/Other/Web.config", """
            <configuration>
              <system.web>
                <sessionState configSource="sessionState.config" />
              </system.web>
            </configuration>
            """));

    [Fact]
    public Task WindowsLineEndingsTabsAndByteOrderMark_KeepTheSpanExact() => VerifyWebConfigAsync(
        "\uFEFF<?xml version=\"1.0\"?>\r\n<configuration>\r\n\t<system.web>\r\n\t\t<!-- session -->\t{|SL5001:<sessionState\r\n\t\t\tmode=\"InProc\" />|}\r\n\t</system.web>\r\n</configuration>\r\n");

    [Fact]
    public Task MalformedWebConfig_IsSkipped() => VerifyWebConfigAsync("""
        <configuration>
          <system.web>
            <sessionState mode="InProc">
          </system.web>
        """);

    [Fact]
    public Task VisualBasicProject_ReadsItsWebConfigToo() => Verify.VisualBasicAsync<SessionStateModeAnalyzer>(
        """
        Public Class WebApiApplication
            Inherits System.Web.HttpApplication
        End Class
        """,
        Framework.NetFramework,
        new AdditionalFile("/src/LegacyVb/Web.config", """
            <configuration>
              <system.web>
                {|SL5001:<sessionState mode="StateServer" />|}
              </system.web>
            </configuration>
            """));

    [Fact]
    public async Task Finding_NamesTheElementAndMode()
    {
        var diagnostics = await Verify.DiagnosticsAsync<SessionStateModeAnalyzer>(
            HostCouplingSamples.NoCode, Framework.NetFramework, new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.For(Id, HostCouplingSamples.WebConfig)));
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("Web.config:system.web/sessionState", diagnostic.Properties[FindingProperties.Symbol]);
        Assert.Contains("'InProc'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(29, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
