using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LegacyShop.Core.Text
{
    /// <summary>
    /// Formats CSV lines for exports. Re-uses one StringBuilder per thread to "save allocations".
    /// </summary>
    public static class CsvFormatter
    {
        public const char Separator = ';';

        [ThreadStatic]
        private static StringBuilder _buffer; // expect: SL4005

        public static string FormatLine(IEnumerable<object> values)
        {
            if (_buffer == null)
            {
                _buffer = new StringBuilder(256);
            }

            _buffer.Length = 0;
            bool first = true;
            foreach (object value in values)
            {
                if (!first)
                {
                    _buffer.Append(Separator);
                }

                _buffer.Append(Escape(Convert.ToString(value, CultureInfo.InvariantCulture)));
                first = false;
            }

            return _buffer.ToString();
        }

        private static string Escape(string value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return string.Empty;
            }

            if (value.IndexOf(Separator) >= 0 || value.IndexOf('"') >= 0 || value.IndexOf('\n') >= 0)
            {
                return "\"" + value.Replace("\"", "\"\"") + "\"";
            }

            return value;
        }
    }
}
