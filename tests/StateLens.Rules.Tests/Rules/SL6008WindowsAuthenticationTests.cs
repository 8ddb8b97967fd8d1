using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6008WindowsAuthenticationTests
{
    [Fact]
    public Task WindowsAuthenticationAndImpersonationInWebConfig_AreReported() => Verify.AnalyzerAsync<WindowsAuthenticationAnalyzer>(
        HostCouplingSamples.NoCode,
        Framework.NetFramework,
        new AdditionalFile("/src/Intranet/Web.config", """
            <configuration>
              <system.web>
                {|SL6008:<authentication mode="Windows" />|}
                {|SL6008:<identity impersonate="true" />|}
                <authorization><deny users="?" /></authorization>
              </system.web>
              <system.webServer>
                <security>
                  <authentication>
                    <anonymousAuthentication enabled="false" />
                    {|SL6008:<windowsAuthentication enabled="true" />|}
                  </authentication>
                </security>
              </system.webServer>
            </configuration>
            """),
        new AdditionalFile("/src/Shop/Web.config", """
            <configuration>
              <system.web>
                <authentication mode="Forms"><forms loginUrl="~/login" /></authentication>
                <identity impersonate="false" />
              </system.web>
              <system.webServer>
                <security><authentication><windowsAuthentication enabled="false" /></authentication></security>
              </system.webServer>
            </configuration>
            """),
        new AdditionalFile("/src/Intranet/Web.Release.config", """
            <configuration>
              <system.web><authentication mode="Windows" /></system.web>
            </configuration>
            """));

    [Fact]
    public Task WindowsIdentityAndPrincipalInCode_AreReported_IdentityNameIsNot() => Verify.AnalyzerAsync<WindowsAuthenticationAnalyzer>("""
        using System.Security.Principal;
        using System.Web;

        public class AuditTrail
        {
            public string Who() => WindowsIdentity.{|SL6008:GetCurrent()|}.Name;

            public bool IsAdmin(WindowsIdentity identity) => {|SL6008:new WindowsPrincipal(identity)|}.IsInRole(WindowsBuiltInRole.Administrator);

            public void RunAs(WindowsIdentity user)
            {
                using (WindowsImpersonationContext context = user.{|SL6008:Impersonate()|})
                {
                }
            }

            public string RequestUser(HttpContext context) => context.User.Identity.Name;

            public bool IsGeneric(IIdentity identity) => new GenericPrincipal(identity, new string[0]).IsInRole("admin");
        }
        """, Framework.NetFramework);

    [Fact]
    public Task AddNegotiate_IsReported_CookieAuthenticationIsNot() => Verify.AnalyzerAsync<WindowsAuthenticationAnalyzer>(new[]
    {
        """
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Authentication.Negotiate;
        using Microsoft.Extensions.DependencyInjection;

        public static class Auth
        {
            public static void Intranet(IServiceCollection services) =>
                services.AddAuthentication(NegotiateDefaults.AuthenticationScheme).{|SL6008:AddNegotiate()|};

            public static void Public(IServiceCollection services) =>
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        }
        """,
        NegotiateStub,
    });

    [Fact]
    public Task VisualBasicWindowsIdentity_IsReported() => Verify.VisualBasicAsync<WindowsAuthenticationAnalyzer>("""
        Imports System.Security.Principal

        Public Class ServiceAccount
            Public Function Name() As String
                Return WindowsIdentity.{|SL6008:GetCurrent()|}.Name
            End Function
        End Class
        """, Framework.NetFramework);

    /// <summary>Microsoft.AspNetCore.Authentication.Negotiate is a separate package not served here: the two members used.</summary>
    private const string NegotiateStub = """
        namespace Microsoft.AspNetCore.Authentication.Negotiate
        {
            public static class NegotiateDefaults
            {
                public const string AuthenticationScheme = "Negotiate";
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            using Microsoft.AspNetCore.Authentication;

            public static class NegotiateExtensions
            {
                public static AuthenticationBuilder AddNegotiate(this AuthenticationBuilder builder) => builder;
            }
        }
        """;
}
