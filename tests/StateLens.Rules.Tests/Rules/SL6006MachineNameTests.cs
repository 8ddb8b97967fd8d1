using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6006MachineNameTests
{
    [Fact]
    public Task WindowsService_WorkerIdFromMachineName_IsReported() =>
        Verify.AnalyzerAsync<MachineNameAnalyzer>(HostCouplingSamples.For("SL6006", HostCouplingSamples.WindowsService), Framework.NetFramework);

    [Fact]
    public Task GlobalAsax_ServerMachineName_IsReported() =>
        Verify.AnalyzerAsync<MachineNameAnalyzer>(HostCouplingSamples.For("SL6006", HostCouplingSamples.GlobalAsax), Framework.NetFramework);

    [Fact]
    public Task MachineNameAsLockOwnerAndFileName_IsReported() => Verify.AnalyzerAsync<MachineNameAnalyzer>("""
        using System;
        using System.Net;

        public class JobLock
        {
            public string Owner { get; } = {|SL6006:Environment.MachineName|};

            public string Claim(string job) => string.Format("UPDATE Jobs SET Owner = '{0}' WHERE Name = '{1}'", {|SL6006:Environment.MachineName|}, job);

            public string ExportFile() => $"export-{{|SL6006:Dns.GetHostName()|}}.csv";
        }
        """);

    [Fact]
    public Task MachineNameWrittenIntoAView_IsNotReported_ButUsedAsAKeyThere_IsReported() => Verify.AnalyzerAsync<MachineNameAnalyzer>("""
        using System;
        using System.IO;

        namespace ASP
        {
            // The shape StateLens gives the code of a view: a class over the view's base type, writing through __Write.
            public abstract class _Views_Shared__Layout_cshtml : System.Web.UI.Page
            {
                private void RenderView()
                {
                    __Write(Environment.MachineName);
                    __Write("Served by " + Environment.MachineName);
                    __Write(File.ReadAllText(Path.Combine("App_Data", {|SL6006:Environment.MachineName|} + ".txt")));
                }

                private static void __Write(object value) { }
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MachineNameWrittenByAWriterOutsideViews_IsReported() => Verify.AnalyzerAsync<MachineNameAnalyzer>("""
        using System;

        public class NodeRegistry
        {
            public void Register() => __Write({|SL6006:Environment.MachineName|});

            public void Write(object node) { }

            public void Announce() => Write({|SL6006:Environment.MachineName|});

            private static void __Write(object value) { }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task MachineNameInLogOutput_IsNotReported() => Verify.AnalyzerAsync<MachineNameAnalyzer>(new[]
    {
        """
        using System;
        using System.Diagnostics;
        using Microsoft.Extensions.Logging;

        public class Startup
        {
            private readonly ILogger<Startup> _logger;
            private readonly log4net.ILog _log;

            public Startup(ILogger<Startup> logger, log4net.ILog log) { _logger = logger; _log = log; }

            public void Started()
            {
                _logger.LogInformation("Started on {Host}", Environment.MachineName);
                _log.InfoFormat("Started on {0}", Environment.MachineName);
                Console.WriteLine("Host: " + Environment.MachineName);
                Trace.TraceInformation($"Host {Environment.MachineName}");
            }
        }
        """,
    }, [Packages.Log4Net]);

    [Fact]
    public Task VisualBasicMachineName_IsReported() => Verify.VisualBasicAsync<MachineNameAnalyzer>("""
        Public Class NodeInfo
            Public ReadOnly Property NodeId As String
                Get
                    Return {|SL6006:System.Environment.MachineName|}.ToLowerInvariant()
                End Get
            End Property
        End Class
        """);
}
