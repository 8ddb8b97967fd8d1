using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6004InProcessSchedulingTests
{
    [Fact]
    public Task GlobalAsax_TimerAndQueuedBackgroundWork_AreReported() =>
        Verify.AnalyzerAsync<InProcessSchedulingAnalyzer>(HostCouplingSamples.For("SL6004", HostCouplingSamples.GlobalAsax), Framework.NetFramework);

    [Fact]
    public Task HostedServiceTimerAndThreadInAspNetCore_AreReported() => Verify.AnalyzerAsync<InProcessSchedulingAnalyzer>("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class TimedCleanupService : IHostedService, IDisposable
        {
            private Timer _timer;

            public Task StartAsync(CancellationToken cancellationToken)
            {
                _timer = {|SL6004:new Timer(DoWork, null, TimeSpan.Zero, TimeSpan.FromMinutes(5))|};
                return Task.CompletedTask;
            }

            private void DoWork(object state) { }

            public Task StopAsync(CancellationToken cancellationToken)
            {
                _timer?.Change(Timeout.Infinite, 0);
                return Task.CompletedTask;
            }

            public void Dispose() => _timer?.Dispose();
        }

        public class ReportWarmer
        {
            private readonly System.Timers.Timer _refresh = {|SL6004:new System.Timers.Timer(60_000)|};

            public void Start()
            {
                var worker = {|SL6004:new Thread(() => _refresh.Start()) { IsBackground = true }|};
                worker.Start();
            }
        }
        """);

    [Fact]
    public Task PeriodicTimerTaskRunAndBackgroundService_AreNotReported() => Verify.AnalyzerAsync<InProcessSchedulingAnalyzer>("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;

        public sealed class OutboxRelay : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    await Task.Run(() => Relay(), stoppingToken);
                    await Task.Delay(100, stoppingToken);
                }
            }

            private static void Relay() { }

            public static Thread Current() => Thread.CurrentThread;
        }
        """);

    [Fact]
    public async Task WorkerWithoutWebReferences_IsNotReported()
    {
        var diagnostics = await AnalyzeWithoutWebReferencesAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;

            public sealed class FeedImporter : BackgroundService
            {
                private readonly System.Timers.Timer _poll = new System.Timers.Timer(TimeSpan.FromMinutes(1).TotalMilliseconds);
                private readonly Thread _watchdog = new Thread(() => { }) { IsBackground = true };

                protected override Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    _poll.Elapsed += (s, e) => Import();
                    _poll.Start();
                    _watchdog.Start();
                    return Task.CompletedTask;
                }

                private static void Import() { }
            }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public Task VisualBasicGlobalAsaxTimer_IsReported() => Verify.VisualBasicAsync<InProcessSchedulingAnalyzer>("""
        Imports System.Threading

        Public Class Global_asax
            Inherits System.Web.HttpApplication

            Private Shared _refresh As Timer

            Sub Application_Start(ByVal sender As Object, ByVal e As System.EventArgs)
                _refresh = {|SL6004:New Timer(AddressOf RefreshCatalog, Nothing, 0, 600000)|}
            End Sub

            Private Shared Sub RefreshCatalog(ByVal state As Object)
            End Sub
        End Class
        """, Framework.NetFramework);

    /// <summary>
    /// A plain worker: the net10.0 references without ASP.NET Core (Microsoft.Extensions.Hosting stays). It still references
    /// the System.Web facade of the shared framework, which must not make it web code.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithoutWebReferencesAsync(string source)
    {
        var references = References.For(Framework.NetCore)
            .Where(r => !Path.GetFileName(r.Display ?? "").StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "Worker",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), "Worker.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InProcessSchedulingAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }
}
