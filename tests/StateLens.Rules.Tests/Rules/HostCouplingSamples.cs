using System.Text.RegularExpressions;

namespace StateLens.Rules.Tests.Rules;

/// <summary>
/// Realistic legacy files shared by the SL5xxx and SL6xxx tests. Each finding of any of those rules is written
/// ⟦SLxxxx:...⟧; <see cref="For"/> turns the ones of the rule under test into {|SLxxxx:...|} markup and drops the others,
/// so every test class checks the same file for exactly its own findings.
/// </summary>
internal static class HostCouplingSamples
{
    public static string For(string ruleId, string template) =>
        Regex.Replace(template, "⟦(SL\\d{4}):(.*?)⟧", m => m.Groups[1].Value == ruleId ? "{|" + ruleId + ":" + m.Groups[2].Value + "|}" : m.Groups[2].Value, RegexOptions.Singleline);

    /// <summary>The file with every marker removed, for property assertions.</summary>
    public static string Plain(string template) => For("none", template);

    /// <summary>A code snippet that compiles and carries no findings, for tests about configuration files alone.</summary>
    public const string NoCode = "public class Startup { }";

    /// <summary>An MVC 5 / WebForms shop's web.config, grown over the years.</summary>
    public const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- For more information on how to configure your ASP.NET application, visit https://go.microsoft.com/fwlink/?LinkId=301880 -->
        <configuration>
          <configSections>
            <section name="log4net" type="log4net.Config.Log4NetConfigurationSectionHandler, log4net" />
            <section name="entityFramework" type="System.Data.Entity.Internal.ConfigFile.EntityFrameworkSection, EntityFramework, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089" requirePermission="false" />
          </configSections>
          <connectionStrings>
            ⟦SL5004:<add name="DefaultConnection" connectionString="Data Source=(LocalDb)\MSSQLLocalDB;AttachDbFilename=|DataDirectory|\aspnet-LegacyShop-20150311.mdf;Initial Catalog=aspnet-LegacyShop;Integrated Security=True" providerName="System.Data.SqlClient" />⟧
            <add name="OrdersDb" connectionString="Server=sql01.corp.local;Database=Orders;User Id=shop;Password=Sh0p!;" providerName="System.Data.SqlClient" />
            ⟦SL5004:<add name="CatalogEntities" connectionString="metadata=res://*/Models.Catalog.csdl|res://*/Models.Catalog.ssdl|res://*/Models.Catalog.msl;provider=System.Data.SqlServerCe.4.0;provider connection string=&quot;Data Source=|DataDirectory|\Catalog.sdf&quot;" providerName="System.Data.EntityClient" />⟧
          </connectionStrings>
          <appSettings>
            <add key="webpages:Version" value="3.0.0.0" />
            <add key="webpages:Enabled" value="false" />
            <add key="ClientValidationEnabled" value="true" />
            ⟦SL5003:<add key="ExportFolder" value="D:\Exports\Orders\" />⟧
            ⟦SL5003:<add key="ScanShare" value="\\fs01\scans\incoming" />⟧
            <add key="CacheFolder" value="~/App_Data/cache" />
            <add key="PaymentGateway" value="https://payments.example.com/api/" />
          </appSettings>
          <system.web>
            <compilation debug="true" targetFramework="4.7.2" />
            <httpRuntime targetFramework="4.7.2" maxRequestLength="51200" />
            ⟦SL5005:<authentication mode="Forms">⟧
              <forms loginUrl="~/Account/Login" timeout="2880" slidingExpiration="true" />
            </authentication>
            <machineKey validation="HMACSHA256" />
            ⟦SL5001:<sessionState mode="InProc" timeout="30" cookieless="false" />⟧
            <customErrors mode="RemoteOnly" defaultRedirect="~/Error" />
            <pages controlRenderingCompatibilityVersion="4.0">
              <namespaces>
                <add namespace="System.Web.Helpers" />
                <add namespace="System.Web.Mvc" />
              </namespaces>
            </pages>
          </system.web>
          <system.webServer>
            <modules runAllManagedModulesForAllRequests="true" />
            <handlers>
              <remove name="ExtensionlessUrlHandler-Integrated-4.0" />
              <add name="ExtensionlessUrlHandler-ISAPI-4.0_64bit" path="*." verb="GET,HEAD,POST" modules="IsapiModule" scriptProcessor="C:\Windows\Microsoft.NET\Framework64\v4.0.30319\aspnet_isapi.dll" preCondition="classicMode,runtimeVersionv4.0,bitness64" />
              <add name="ExtensionlessUrlHandler-Integrated-4.0" path="*." verb="*" type="System.Web.Handlers.TransferRequestHandler" preCondition="integratedMode,runtimeVersionv4.0" />
            </handlers>
          </system.webServer>
          <system.net>
            <mailSettings>
              <smtp deliveryMethod="SpecifiedPickupDirectory" from="shop@example.com">
                ⟦SL5003:<specifiedPickupDirectory pickupDirectoryLocation="C:\MailDrop" />⟧
              </smtp>
            </mailSettings>
          </system.net>
          <log4net>
            ⟦SL5002:<appender name="RollingLogFileAppender" type="log4net.Appender.RollingFileAppender">⟧
              <file value="C:\Logs\LegacyShop\shop.log" />
              <appendToFile value="true" />
              <rollingStyle value="Date" />
              <datePattern value="yyyyMMdd" />
              <layout type="log4net.Layout.PatternLayout">
                <conversionPattern value="%date [%thread] %-5level %logger - %message%newline" />
              </layout>
            </appender>
            <appender name="Console" type="log4net.Appender.ConsoleAppender">
              <layout type="log4net.Layout.PatternLayout">
                <conversionPattern value="%message%newline" />
              </layout>
            </appender>
            <root>
              <level value="INFO" />
              <appender-ref ref="RollingLogFileAppender" />
              <appender-ref ref="Console" />
            </root>
          </log4net>
          <system.diagnostics>
            <sources>
              <source name="System.ServiceModel" switchValue="Warning, ActivityTracing" propagateActivity="true">
                <listeners>
                  <add name="xml" />
                </listeners>
              </source>
            </sources>
            <sharedListeners>
              ⟦SL5002:<add name="xml" type="System.Diagnostics.XmlWriterTraceListener" initializeData="C:\Logs\LegacyShop\wcf.svclog" />⟧
            </sharedListeners>
          </system.diagnostics>
          <entityFramework>
            <defaultConnectionFactory type="System.Data.Entity.Infrastructure.LocalDbConnectionFactory, EntityFramework">
              <parameters>
                <parameter value="mssqllocaldb" />
              </parameters>
            </defaultConnectionFactory>
          </entityFramework>
          <runtime>
            <assemblyBinding xmlns="urn:schemas-microsoft-com:asm.v1">
              <dependentAssembly>
                <assemblyIdentity name="Newtonsoft.Json" publicKeyToken="30ad4fe6b2a6eeed" />
                <bindingRedirect oldVersion="0.0.0.0-12.0.0.0" newVersion="12.0.0.0" />
              </dependentAssembly>
            </assemblyBinding>
          </runtime>
        </configuration>
        """;

    /// <summary>An ASP.NET Core port's appsettings.json, comments and a trailing comma included.</summary>
    public const string AppSettings = """
        {
          // Local development defaults; production overrides come from the environment.
          "ConnectionStrings": {
            ⟦SL5004:"DefaultConnection": "Server=(localdb)\\mssqllocaldb;Database=LegacyShop;Trusted_Connection=True;MultipleActiveResultSets=true"⟧,
            ⟦SL5004:"Catalog": "Data Source=App_Data/catalog.db"⟧,
            "Orders": "Server=tcp:orders.database.windows.net,1433;Database=Orders;Encrypt=True;"
          },
          "Serilog": {
            "Using": [ "Serilog.Sinks.Console", "Serilog.Sinks.File" ],
            "MinimumLevel": "Information",
            "WriteTo": [
              { "Name": "Console" },
              {
                ⟦SL5002:"Name": "File"⟧,
                "Args": {
                  "path": "C:\\Logs\\LegacyShop\\shop-.log",
                  "rollingInterval": "Day"
                }
              },
            ]
          },
          /* Where uploads and archives go. */
          "Storage": {
            ⟦SL5003:"UploadPath": "D:\\Shop\\Uploads"⟧,
            ⟦SL5003:"ArchiveShare": "\\\\nas01\\archive\\shop"⟧,
            "DataRoot": "/var/lib/legacyshop",
            "TempFolder": "App_Data/tmp"
          },
          "AllowedHosts": "*"
        }
        """;

    /// <summary>The nlog.config of NLog's ASP.NET Core getting-started guide.</summary>
    public const string NLogConfig = """
        <?xml version="1.0" encoding="utf-8" ?>
        ⟦SL5003:<nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
              autoReload="true"
              internalLogLevel="Info"
              internalLogFile="c:\temp\internal-nlog-AspNetCore.txt">⟧
          <extensions>
            <add assembly="NLog.Web.AspNetCore"/>
          </extensions>
          <targets>
            ⟦SL5002:<target xsi:type="File" name="allfile" fileName="c:\temp\nlog-AspNetCore-all-${shortdate}.log"
                    layout="${longdate}|${event-properties:item=EventId:whenEmpty=0}|${level:uppercase=true}|${logger}|${message} ${exception:format=tostring}" />⟧
            <target xsi:type="Console" name="lifetimeConsole" layout="${MicrosoftConsoleLayout}" />
          </targets>
          <rules>
            <logger name="*" minlevel="Trace" writeTo="allfile" />
            <logger name="Microsoft.Hosting.Lifetime" minlevel="Info" writeTo="lifetimeConsole" final="true" />
          </rules>
        </nlog>
        """;

    /// <summary>A Windows service: settings from the registry, jobs from MSMQ, a printer program, the event log.</summary>
    public const string WindowsService = """
        using System;
        using System.Diagnostics;
        using System.Messaging;
        using System.ServiceProcess;
        using Microsoft.Win32;

        namespace Acme.PrintSpooler
        {
            public class PrintSpoolerService : ServiceBase
            {
                private const string SourceName = "Acme Print Spooler";
                private readonly string _workerId = ⟦SL6006:Environment.MachineName⟧ + ":" + Process.GetCurrentProcess().Id;
                private MessageQueue _queue;
                private string _printerExe;

                public PrintSpoolerService()
                {
                    ServiceName = "AcmePrintSpooler";
                }

                protected override void OnStart(string[] args)
                {
                    if (!EventLog.SourceExists(SourceName))
                    {
                        ⟦SL6002:EventLog.CreateEventSource(SourceName, "Application")⟧;
                    }

                    string queuePath;
                    using (var key = ⟦SL6001:Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Acme\PrintSpooler")⟧)
                    {
                        queuePath = (string)⟦SL6001:key.GetValue("QueuePath", @".\private$\print-jobs")⟧;
                        _printerExe = (string)⟦SL6001:key.GetValue("PrinterExe")⟧;
                    }

                    _queue = ⟦SL6003:new MessageQueue(queuePath)⟧;
                    ⟦SL6003:_queue.Formatter⟧ = new XmlMessageFormatter(new[] { typeof(string) });
                    ⟦SL6003:_queue.ReceiveCompleted⟧ += OnReceiveCompleted;
                    ⟦SL6003:_queue.BeginReceive()⟧;
                    ⟦SL6002:EventLog.WriteEntry(SourceName, "Print spooler started as " + _workerId, EventLogEntryType.Information)⟧;
                }

                private void OnReceiveCompleted(object sender, ReceiveCompletedEventArgs e)
                {
                    var message = ⟦SL6003:_queue.EndReceive(e.AsyncResult)⟧;
                    var document = (string)message.Body;
                    try
                    {
                        var startInfo = new ProcessStartInfo(_printerExe, "/print \"" + document + "\"")
                        {
                            UseShellExecute = false,
                            CreateNoWindow = true,
                        };
                        using (var printer = ⟦SL6005:Process.Start(startInfo)⟧)
                        {
                            printer.WaitForExit(30000);
                        }
                    }
                    catch (Exception ex)
                    {
                        ⟦SL6002:EventLog.WriteEntry(SourceName, ex.ToString(), EventLogEntryType.Error)⟧;
                    }
                    finally
                    {
                        ⟦SL6003:_queue.BeginReceive()⟧;
                    }
                }

                protected override void OnStop()
                {
                    ⟦SL6003:_queue.Close()⟧;
                }
            }
        }
        """;

    /// <summary>Global.asax.cs of a WebForms shop that cleans up carts on a timer.</summary>
    public const string GlobalAsax = """
        using System;
        using System.Threading;
        using System.Web;
        using System.Web.Hosting;

        namespace LegacyShop
        {
            public class Global : HttpApplication
            {
                private static Timer _cartCleanup;

                protected void Application_Start(object sender, EventArgs e)
                {
                    _cartCleanup = ⟦SL6004:new Timer(CleanupAbandonedCarts, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15))⟧;
                }

                protected void Application_Error(object sender, EventArgs e)
                {
                    var error = Server.GetLastError();
                    var node = ⟦SL6006:Server.MachineName⟧;
                    ⟦SL6004:HostingEnvironment.QueueBackgroundWorkItem(token => ReportError(node, error))⟧;
                }

                private static void CleanupAbandonedCarts(object state)
                {
                }

                private static void ReportError(string node, Exception error)
                {
                }
            }
        }
        """;
}
