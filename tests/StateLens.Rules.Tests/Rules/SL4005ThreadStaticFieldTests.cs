using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL4005ThreadStaticFieldTests
{
    [Fact]
    public Task ThreadStaticUnitOfWork_IsReported() => Verify.AnalyzerAsync<ThreadStaticFieldAnalyzer>("""
        using System;
        using System.Data.SqlClient;
        public static class UnitOfWork
        {
            [ThreadStatic]
            private static SqlConnection {|SL4005:_current|};

            public static SqlConnection Current => _current ?? (_current = new SqlConnection("name=Shop"));
        }
        """, Framework.NetFramework);

    [Fact]
    public Task StaticThreadLocalAndAsyncLocal_AreReported() => Verify.AnalyzerAsync<ThreadStaticFieldAnalyzer>("""
        using System;
        using System.Threading;
        public static class AmbientContext
        {
            private static readonly ThreadLocal<Random> {|SL4005:Random|} = new ThreadLocal<Random>(() => new Random());
            private static readonly AsyncLocal<string> {|SL4005:TenantId|} = new AsyncLocal<string>();

            public static int Next() => Random.Value.Next();

            public static string Tenant
            {
                get => TenantId.Value;
                set => TenantId.Value = value;
            }
        }
        """);

    [Fact]
    public Task InstanceThreadLocalAndPlainStatics_AreNotReported() => Verify.AnalyzerAsync<ThreadStaticFieldAnalyzer>("""
        using System.Text;
        using System.Threading;
        public class ReportBuilder
        {
            private static readonly object Sync = new object();
            private static int _built;
            private readonly ThreadLocal<StringBuilder> _buffer = new ThreadLocal<StringBuilder>(() => new StringBuilder());

            public string Build(string line)
            {
                lock (Sync) { _built++; }
                return _buffer.Value.Clear().Append(line).ToString();
            }
        }
        """);

    [Fact]
    public Task VisualBasicThreadStatic_IsReported() => Verify.VisualBasicAsync<ThreadStaticFieldAnalyzer>("""
        Public Class RequestInfo
            <System.ThreadStatic>
            Private Shared {|SL4005:_userName|} As String

            Public Shared Sub SetUser(ByVal name As String)
                _userName = name
            End Sub
        End Class
        """);
}
