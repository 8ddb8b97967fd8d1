using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL5002FileLoggerTests
{
    private const string Id = "SL5002";

    private static readonly Package[] SerilogPackages = [Packages.Serilog, Packages.SerilogSinksFile, Packages.SerilogSinksConsole, Packages.SerilogSinksAsync];

    private static Task VerifyConfigAsync(params AdditionalFile[] files) =>
        Verify.AnalyzerAsync<FileLoggerAnalyzer>(HostCouplingSamples.NoCode, Framework.NetCore, files);

    [Fact]
    public Task FullWebConfig_Log4NetRollingFileAndWcfTraceListener_AreReported() =>
        VerifyConfigAsync(new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.For(Id, HostCouplingSamples.WebConfig)));

    [Fact]
    public Task AppSettings_SerilogFileSink_IsReportedAtItsName() =>
        VerifyConfigAsync(new AdditionalFile("/src/Shop.Web/appsettings.json", HostCouplingSamples.For(Id, HostCouplingSamples.AppSettings)));

    [Fact]
    public Task NLogConfig_FileTarget_IsReported_ConsoleTargetIsNot() =>
        VerifyConfigAsync(new AdditionalFile("/src/Shop.Web/nlog.config", HostCouplingSamples.For(Id, HostCouplingSamples.NLogConfig)));

    [Fact]
    public Task Log4NetXmlAndSubfolderNLogConfig_AreReported_OtherXmlFilesAreNot() => VerifyConfigAsync(
        new AdditionalFile("/src/Portal/Config/log4net.xml", """
            <log4net>
              {|SL5002:<appender name="File" type="log4net.Appender.RollingFileAppender">|}
                <file value="App_Data\Logs\portal.log" />
              </appender>
              <root><appender-ref ref="File" /></root>
            </log4net>
            """),
        new AdditionalFile("/src/Portal/App_Data/NLog.config", """
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                {|SL5002:<target name="file" xsi:type="File" fileName="${basedir}/logs/portal.log" />|}
              </targets>
              <rules><logger name="*" minlevel="Info" writeTo="file" /></rules>
            </nlog>
            """),
        new AdditionalFile("/src/Portal/sitemap.xml", """
            <log4net><appender name="File" type="log4net.Appender.FileAppender"><file value="x.log" /></appender></log4net>
            """),
        new AdditionalFile("/src/Portal/log4net.Release.xml", """
            <log4net><appender name="File" type="log4net.Appender.FileAppender"><file value="x.log" /></appender></log4net>
            """));

    [Fact]
    public Task StandaloneLog4NetConfig_FileAppenders_AreReported() => VerifyConfigAsync(new AdditionalFile("/src/Billing/log4net.config", """
        <?xml version="1.0" encoding="utf-8"?>
        <log4net>
          {|SL5002:<appender name="BillingLog" type="log4net.Appender.FileAppender">|}
            <file value="logs\billing.log" />
            <layout type="log4net.Layout.SimpleLayout" />
          </appender>
          {|SL5002:<appender name="Errors" type="log4net.Appender.RollingFileAppender, log4net">|}
            <file type="log4net.Util.PatternString" value="%property{LogDir}\errors.log" />
            <threshold value="ERROR" />
          </appender>
          <appender name="ColoredConsole" type="log4net.Appender.ManagedColoredConsoleAppender">
            <layout type="log4net.Layout.SimpleLayout" />
          </appender>
          <appender name="Trace" type="log4net.Appender.TraceAppender" />
          <appender name="OldDailyFile" type="log4net.Appender.RollingFileAppender">
            <file value="logs\old.log" />
          </appender>
          <root>
            <appender-ref ref="BillingLog" />
          </root>
          <logger name="Billing.Payments" additivity="false">
            <level value="ERROR" />
            <appender-ref ref="Errors" />
          </logger>
        </log4net>
        """));

    [Fact]
    public Task NLogSectionInAppConfig_AsyncWrappedFileTarget_IsReported() => VerifyConfigAsync(new AdditionalFile("/src/Importer/App.config", """
        <configuration>
          <configSections>
            <section name="nlog" type="NLog.Config.ConfigSectionHandler, NLog" />
          </configSections>
          <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <targets>
              <target xsi:type="AsyncWrapper" name="async">
                {|SL5002:<target xsi:type="File" name="importLog" fileName="${basedir}/logs/import.log" />|}
              </target>
              {|SL5002:<target type="file" name="legacy" fileName="import-legacy.log" />|}
              <target xsi:type="Console" name="console" />
              <target xsi:type="Database" name="db" connectionString="Server=sql01;Database=Logs" />
            </targets>
          </nlog>
        </configuration>
        """));

    [Fact]
    public Task SerilogThroughAppSettingsKeys_IsReported() => VerifyConfigAsync(new AdditionalFile("/src/Legacy/Web.config", """
        <configuration>
          <appSettings>
            <add key="serilog:minimum-level" value="Information" />
            <add key="serilog:using:File" value="Serilog.Sinks.File" />
            {|SL5002:<add key="serilog:write-to:File.path" value="%BASEDIR%\logs\shop.txt" />|}
            <add key="serilog:write-to:File.rollingInterval" value="Day" />
            <add key="serilog:write-to:Console" />
          </appSettings>
        </configuration>
        """));

    [Fact]
    public Task AppSettings_AsyncWrappedFileAndNLogJsonTargets_AreReported() => VerifyConfigAsync(new AdditionalFile("/src/Api/appsettings.Production.json", """
        {
          "Serilog": {
            "WriteTo": [
              {
                "Name": "Async",
                "Args": {
                  "configure": [
                    { {|SL5002:"Name": "File"|}, "Args": { "path": "/var/log/api/api-.log" } }
                  ]
                }
              },
              { "Name": "Seq", "Args": { "serverUrl": "http://seq:5341" } }
            ]
          },
          "NLog": {
            "targets": {
              "logfile": { {|SL5002:"type": "File"|}, "fileName": "api.log" },
              "logconsole": { "type": "Console" }
            }
          }
        }
        """));

    [Fact]
    public Task ConsoleSinks_AreNotReported() => VerifyConfigAsync(
        new AdditionalFile("/src/Api/appsettings.json", """
            {
              "Serilog": {
                "WriteTo": [ { "Name": "Console", "Args": { "outputTemplate": "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}" } } ]
              },
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Export": { "Name": "File" }
            }
            """),
        new AdditionalFile("/src/Api/NLog.config", """
            <nlog>
              <targets>
                <target type="ColoredConsole" name="console" />
              </targets>
            </nlog>
            """),
        new AdditionalFile("/src/Web/web.config", """
            <configuration>
              <log4net>
                <appender name="Console" type="log4net.Appender.ConsoleAppender" />
                <appender name="Udp" type="log4net.Appender.UdpAppender" />
              </log4net>
              <system.diagnostics>
                <trace>
                  <listeners>
                    <add name="console" type="System.Diagnostics.ConsoleTraceListener" />
                  </listeners>
                </trace>
              </system.diagnostics>
            </configuration>
            """));

    [Fact]
    public Task SerilogFileSinkInCode_IsReportedOnItsOwnLine() => Verify.AnalyzerAsync<FileLoggerAnalyzer>("""
        using Serilog;

        public static class LoggingSetup
        {
            public static void Configure()
            {
                Log.Logger = new LoggerConfiguration()
                    .MinimumLevel.Debug()
                    .WriteTo.{|SL5002:File("logs/shop-.txt", rollingInterval: RollingInterval.Day)|}
                    .CreateLogger();
            }

            public static ILogger Buffered() => new LoggerConfiguration()
                .WriteTo.Async(a => a.{|SL5002:File("logs/buffered.txt")|})
                .WriteTo.Console()
                .CreateLogger();
        }
        """, SerilogPackages);

    [Fact]
    public Task Log4NetAndNLogFileTargetsInCode_AreReported() => Verify.AnalyzerAsync<FileLoggerAnalyzer>(
        """
        using log4net.Appender;
        using NLog.Targets;

        public static class LogBootstrap
        {
            public static AppenderSkeleton CreateAppender(string folder)
            {
                var appender = {|SL5002:new RollingFileAppender { Name = "Rolling", File = folder + "\\app.log", AppendToFile = true }|};
                appender.ActivateOptions();
                return appender;
            }

            public static AppenderSkeleton Plain() => {|SL5002:new FileAppender { File = "audit.log" }|};

            public static Target[] NLogTargets() => new Target[]
            {
                {|SL5002:new FileTarget("file") { FileName = "${basedir}/logs/app.log" }|},
                new ColoredConsoleTarget("console"),
            };

            public static AppenderSkeleton Console() => new ConsoleAppender();
        }
        """,
        [Packages.Log4Net, Packages.NLog]);

    [Fact]
    public Task FileTraceListenerInCode_IsReported_StreamListenerIsNot() => Verify.AnalyzerAsync<FileLoggerAnalyzer>("""
        using System;
        using System.Diagnostics;

        public static class TraceSetup
        {
            public static void Configure()
            {
                Trace.Listeners.Add({|SL5002:new TextWriterTraceListener(@"C:\Logs\trace.log", "file")|});
                Trace.Listeners.Add(new TextWriterTraceListener(Console.Out));
                Trace.AutoFlush = true;
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicFileTraceListener_IsReported() => Verify.VisualBasicAsync<FileLoggerAnalyzer>("""
        Imports System.Diagnostics

        Public Module Logging
            Public Sub Configure()
                Trace.Listeners.Add({|SL5002:New TextWriterTraceListener("service.log")|})
                Trace.Listeners.Add(New ConsoleTraceListener())
            End Sub
        End Module
        """, Framework.NetFramework);

    [Fact]
    public async Task ConfigFinding_NamesTheAppender()
    {
        var diagnostics = await Verify.DiagnosticsAsync<FileLoggerAnalyzer>(
            HostCouplingSamples.NoCode, Framework.NetCore, new AdditionalFile("/src/LegacyShop/Web.config", HostCouplingSamples.Plain(HostCouplingSamples.WebConfig)));
        Assert.Collection(
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start),
            d =>
            {
                Assert.Equal("Web.config:log4net/appender[RollingLogFileAppender]", d.Properties[FindingProperties.Symbol]);
                Assert.StartsWith("log4net appender 'RollingLogFileAppender' writes logs", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            },
            d => Assert.Equal("Web.config:system.diagnostics/sharedListeners/add[xml]", d.Properties[FindingProperties.Symbol]));
    }

    [Fact]
    public Task ElmahXmlFileErrorLog_IsReported_SqlErrorLogIsNot() => VerifyConfigAsync(
        new AdditionalFile("/src/Blog/Web.config", """
            <configuration>
              <configSections>
                <sectionGroup name="elmah">
                  <section name="errorLog" requirePermission="false" type="Elmah.ErrorLogSectionHandler, Elmah" />
                </sectionGroup>
              </configSections>
              <elmah>
                <security allowRemoteAccess="false" />
                {|SL5002:<errorLog type="Elmah.XmlFileErrorLog, Elmah" logPath="~/App_Data/Elmah.Errors" />|}
              </elmah>
              <location path="elmah.axd" inheritInChildApplications="false">
                <system.web>
                  <httpHandlers>
                    <add verb="POST,GET,HEAD" path="elmah.axd" type="Elmah.ErrorLogPageFactory, Elmah" />
                  </httpHandlers>
                </system.web>
              </location>
            </configuration>
            """),
        new AdditionalFile("/src/Store/Web.config", """
            <configuration>
              <elmah>
                <errorLog type="Elmah.SqlErrorLog, Elmah" connectionStringName="Elmah" applicationName="Store" />
              </elmah>
            </configuration>
            """));

    [Fact]
    public Task EnterpriseLibraryFlatFileListeners_AreReported_EventLogListenerIsNot() => VerifyConfigAsync(new AdditionalFile("/src/Orders/Web.config", """
        <configuration>
          <loggingConfiguration name="" tracingEnabled="true" defaultCategory="General">
            <listeners>
              {|SL5002:<add name="Rolling Flat File Trace Listener" type="Microsoft.Practices.EnterpriseLibrary.Logging.TraceListeners.RollingFlatFileTraceListener, Microsoft.Practices.EnterpriseLibrary.Logging, Version=5.0.414.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
                   listenerDataType="Microsoft.Practices.EnterpriseLibrary.Logging.Configuration.RollingFlatFileTraceListenerData, Microsoft.Practices.EnterpriseLibrary.Logging"
                   fileName="Logs\orders.log" rollInterval="Day" rollSizeKB="5000" formatter="Text Formatter" />|}
              <add name="Event Log Listener" type="Microsoft.Practices.EnterpriseLibrary.Logging.TraceListeners.FormattedEventLogTraceListener, Microsoft.Practices.EnterpriseLibrary.Logging"
                   listenerDataType="Microsoft.Practices.EnterpriseLibrary.Logging.Configuration.FormattedEventLogTraceListenerData, Microsoft.Practices.EnterpriseLibrary.Logging"
                   source="Orders" formatter="Text Formatter" log="Application" />
            </listeners>
          </loggingConfiguration>
        </configuration>
        """));

    [Fact]
    public Task ExternalLog4NetSectionFile_IsReadFromItsRoot() => VerifyConfigAsync(
        new AdditionalFile("/src/Portal/logging.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <log4net debug="false">
              {|SL5002:<appender name="RollingLogFileAppender" type="log4net.Appender.RollingFileAppender">|}
                <file value="App_Data/Logs/portal.log" />
                <appendToFile value="true" />
                <rollingStyle value="Size" />
              </appender>
              <root>
                <level value="ERROR" />
                <appender-ref ref="RollingLogFileAppender" />
              </root>
            </log4net>
            """),
        new AdditionalFile("/src/Portal/Web.config", """
            <configuration>
              <log4net configSource="logging.config" />
            </configuration>
            """));

    [Fact]
    public Task ElmahXmlFileErrorLogInCode_IsReported() => Verify.AnalyzerAsync<FileLoggerAnalyzer>(new[]
    {
        """
        using System;
        using System.Web;

        public class PostLogModule
        {
            public void Log(Exception exception, string folder)
            {
                var log = {|SL5002:new Elmah.XmlFileErrorLog(folder)|};
                log.Log(new Elmah.Error(exception));
                Elmah.ErrorLog fallback = new Elmah.MemoryErrorLog();
                fallback.Log(new Elmah.Error(exception));
            }
        }
        """,
        """
        namespace Elmah
        {
            public class Error { public Error(System.Exception e) { } }
            public abstract class ErrorLog { public virtual string Log(Error error) => ""; }
            public class XmlFileErrorLog : ErrorLog { public XmlFileErrorLog(string logPath) { } }
            public class MemoryErrorLog : ErrorLog { }
        }
        """,
    }, Framework.NetFramework);

    [Fact]
    public Task SerilogAuditToFile_IsReported() => Verify.AnalyzerAsync<FileLoggerAnalyzer>("""
        using Serilog;

        public static class AuditLog
        {
            public static LoggerConfiguration Configure(LoggerConfiguration configuration) =>
                configuration.AuditTo.{|SL5002:File("audit/orders.log")|};
        }
        """, SerilogPackages);

    [Fact]
    public Task NLogTargetsNoRuleWritesTo_AreNotReported() => VerifyConfigAsync(new AdditionalFile("/src/Shop/NLog.config", """
        <?xml version="1.0" encoding="utf-8" ?>
        <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <targets async="true">
            {|SL5002:<target xsi:type="File" name="allfile" fileName="${basedir}/logs/all-${shortdate}.log" />|}
            <target xsi:type="BufferingWrapper" name="buffered">
              {|SL5002:<target xsi:type="File" name="errors" fileName="${basedir}/logs/errors.log" />|}
            </target>
            <target xsi:type="File" name="debugfile" fileName="${basedir}/logs/debug.log" />
            <target xsi:type="ColoredConsole" name="console" />
          </targets>
          <rules>
            <logger name="*" minlevel="Info" writeTo="allfile, console" />
            <logger name="*" minlevel="Error" writeTo="buffered" />
          </rules>
        </nlog>
        """));
}
