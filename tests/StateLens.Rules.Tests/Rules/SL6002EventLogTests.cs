using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6002EventLogTests
{
    [Fact]
    public Task WindowsService_WritingTheEventLog_IsReported() =>
        Verify.AnalyzerAsync<EventLogAnalyzer>(HostCouplingSamples.For("SL6002", HostCouplingSamples.WindowsService), Framework.NetFramework);

    [Fact]
    public Task ErrorLoggerHelper_IsReported() => Verify.AnalyzerAsync<EventLogAnalyzer>("""
        using System;
        using System.Diagnostics;

        public static class ErrorLogger
        {
            private static readonly EventLog Log = new EventLog("Application") { Source = "LegacyShop" };

            public static void Error(Exception ex)
            {
                {|SL6002:Log.WriteEntry(ex.ToString(), EventLogEntryType.Error, 1000)|};
            }

            public static void Audit(string message)
            {
                {|SL6002:EventLog.WriteEvent("LegacyShop", new EventInstance(2000, 0, EventLogEntryType.Information), message)|};
            }

            public static void AddTraceListener()
            {
                Trace.Listeners.Add({|SL6002:new EventLogTraceListener("LegacyShop")|});
            }
        }
        """, Framework.NetFramework);

    [Fact]
    public Task ReadingEntriesAndCheckingSources_AreNotReported() => Verify.AnalyzerAsync<EventLogAnalyzer>("""
        using System.Diagnostics;
        using System.Linq;

        public static class EventViewer
        {
            public static string[] RecentErrors()
            {
                using (var log = new EventLog("Application"))
                {
                    return log.Entries.Cast<EventLogEntry>()
                        .Where(e => e.EntryType == EventLogEntryType.Error)
                        .Select(e => e.Message)
                        .ToArray();
                }
            }

            public static bool Installed() => EventLog.SourceExists("LegacyShop");
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AspNetCoreEventLogProvider_IsReported() => Verify.AnalyzerAsync<EventLogAnalyzer>("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Logging;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Logging.ClearProviders()
                    .AddConsole()
                    .{|SL6002:AddEventLog()|};
                builder.Build().Run();
            }
        }
        """);

    [Fact]
    public Task VisualBasicWriteEntry_IsReported() => Verify.VisualBasicAsync<EventLogAnalyzer>("""
        Imports System.Diagnostics

        Public Module Diagnostics
            Public Sub LogFailure(ByVal message As String)
                {|SL6002:EventLog.WriteEntry("LegacyVb", message, EventLogEntryType.Warning)|}
            End Sub
        End Module
        """, Framework.NetFramework);
}
