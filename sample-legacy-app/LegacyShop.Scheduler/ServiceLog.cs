using System;
using System.Diagnostics;
using System.Security.Principal;

namespace LegacyShop.Scheduler
{
    /// <summary>Writes to the Windows Application event log (source created by the installer).</summary>
    internal static class ServiceLog
    {
        public const string SourceName = "LegacyShop Scheduler";

        public static void Info(string message)
        {
            EventLog.WriteEntry(SourceName, message, EventLogEntryType.Information); // expect: SL6002
        }

        public static void Started()
        {
            string account = WindowsIdentity.GetCurrent().Name; // expect: SL6008
            Info("Started as " + account);
        }

        public static void Error(string message, Exception exception)
        {
            string text = message + Environment.NewLine + exception;
            EventLog.WriteEntry(SourceName, text, EventLogEntryType.Error); // expect: SL6002
        }
    }
}
