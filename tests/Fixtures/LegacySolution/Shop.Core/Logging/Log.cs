using System;
using log4net;

namespace Shop.Core.Logging
{
    /// <summary>The in-repo wrapper most legacy shops put around log4net; the appenders live in Web.config.</summary>
    public static class Log
    {
        private static readonly ILog Logger = LogManager.GetLogger(typeof(Log));

        public static void Info(string message)
        {
            Logger.Info(message);
        }

        public static void Error(string message, Exception error)
        {
            Logger.Error(message, error);
        }
    }
}
