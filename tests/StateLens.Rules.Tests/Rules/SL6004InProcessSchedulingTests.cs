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
    public Task ThreadPoolWorkAndFireAndForgetTasksInWebCode_AreReported() => Verify.AnalyzerAsync<InProcessSchedulingAnalyzer>("""
        using System.Threading;
        using System.Threading.Tasks;
        using System.Web;

        public class OrderNotifier
        {
            public void OrderPlaced(int orderId)
            {
                {|SL6004:ThreadPool.QueueUserWorkItem(_ => SendMail(orderId))|};
                {|SL6004:Task.Run(() => SendMail(orderId))|};
                _ = {|SL6004:Task.Factory.StartNew(() => SendMail(orderId), TaskCreationOptions.LongRunning)|};
                {|SL6004:Task.Run(() => SendMail(orderId))|}.ContinueWith(t => Log(t.Exception));
            }

            private static void SendMail(int orderId) { }

            private static void Log(System.Exception error) { }
        }

        public class Global : HttpApplication
        {
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AwaitedReturnedOrKeptTasks_AreNotReported() => Verify.AnalyzerAsync<InProcessSchedulingAnalyzer>("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class ReportsController : Controller
        {
            private readonly List<Task> _pending = new();

            public async Task<IActionResult> Build()
            {
                var total = await Task.Run(() => Sum());
                await Task.Factory.StartNew(() => Sum()).ConfigureAwait(false);
                var running = Task.Run(() => Sum());
                _pending.Add(Task.Run(() => Sum()));
                await Task.WhenAll(running, Task.Run(() => Sum()));
                return Ok(total);
            }

            public Task<int> Compute() => Task.Run(() => Sum());

            private static int Sum() => 42;
        }
        """);

    [Fact]
    public async Task WorkerWithoutWebReferences_IsNotReported()
    {
        var diagnostics = await AnalyzeAsync(Framework.NetCore, OutputKind.DynamicallyLinkedLibrary, """
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
                    ThreadPool.QueueUserWorkItem(_ => Import());
                    Task.Run(() => Import());
                    return Task.CompletedTask;
                }

                private static void Import() { }
            }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task WindowsServiceExeReferencingSystemWeb_IsNotReported()
    {
        var diagnostics = await AnalyzeAsync(Framework.NetFramework, OutputKind.ConsoleApplication, """
            using System.ServiceProcess;
            using System.Timers;
            using System.Web;

            public class OrderBatchService : ServiceBase
            {
                private Timer _timer;

                public static void Main() => Run(new OrderBatchService());

                protected override void OnStart(string[] args)
                {
                    _timer = new Timer(30000);
                    _timer.Elapsed += (s, e) => Export(HttpUtility.UrlEncode("orders & returns"));
                    _timer.Start();
                }

                private static void Export(string name) { }
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
    /// Compiles outside the shared harness to control the output kind and references: a net10.0 worker keeps
    /// Microsoft.Extensions.Hosting but drops ASP.NET Core (it still references the shared framework's System.Web
    /// facade, which must not make it web code); a .NET Framework exe keeps System.Web.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Framework framework, OutputKind outputKind, string source)
    {
        var references = References.For(framework)
            .Where(r => !Path.GetFileName(r.Display ?? "").StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var languageVersion = framework == Framework.NetFramework ? LanguageVersion.CSharp7_3 : LanguageVersion.Latest;
        var compilation = CSharpCompilation.Create(
            "Worker",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(languageVersion), "Worker.cs") },
            references,
            new CSharpCompilationOptions(outputKind));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InProcessSchedulingAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }
}
