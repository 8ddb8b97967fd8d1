using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Web.Hosting;
using LegacyShop.Core.Models;

namespace LegacyShop.Web.Helpers
{
    /// <summary>
    /// Renders the order confirmation mail from the HTML template in App_Data\Templates.
    /// The placeholder syntax {{Name}} and the "Session" token bag come from the old classic ASP shop.
    /// </summary>
    public static class EmailTemplateHelper
    {
        public const string TemplateFolder = "~/App_Data/Templates/";
        private const string ConfirmationTemplate = "OrderConfirmation.html";

        private static readonly Regex PlaceholderPattern = new Regex(@"\{\{(\w+)\}\}", RegexOptions.Compiled);

        private static readonly Dictionary<string, string> CountryNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            { "DE", "Deutschland" },
            { "AT", "Österreich" },
            { "CH", "Schweiz" },
            { "FR", "France" },
            { "NL", "Nederland" }
        };

        public static string RenderOrderConfirmation(string orderId, Cart cart, decimal total, string countryCode)
        {
            string templatePath = HostingEnvironment.MapPath(TemplateFolder + ConfirmationTemplate);
            string template = File.ReadAllText(templatePath, Encoding.UTF8);

            var Session = new Dictionary<string, object>();
            Session["OrderId"] = orderId;
            Session["ItemCount"] = cart.ItemCount;
            Session["Total"] = total.ToString("C", CultureInfo.GetCultureInfo("de-DE"));
            Session["Country"] = LookupCountry(countryCode);

            return PlaceholderPattern.Replace(template, match =>
            {
                object value;
                return Session.TryGetValue(match.Groups[1].Value, out value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : string.Empty;
            });
        }

        public static byte[] ToAttachment(string html)
        {
            using (var buffer = new MemoryStream())
            {
                byte[] bytes = Encoding.UTF8.GetBytes(html);
                buffer.Write(bytes, 0, bytes.Length);
                return buffer.ToArray();
            }
        }

        public static void DumpToConsole(string html)
        {
            Console.WriteLine("---- confirmation mail ----");
            Console.WriteLine(html);
        }

        private static string LookupCountry(string countryCode)
        {
            string name;
            return CountryNames.TryGetValue(countryCode ?? string.Empty, out name) ? name : countryCode;
        }
    }
}
