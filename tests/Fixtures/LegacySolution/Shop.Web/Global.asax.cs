using System;
using System.Web;
using System.Web.Mvc;
using System.Web.Routing;
using Autofac;
using Shop.Core.Logging;

namespace Shop.Web
{
    public class MvcApplication : HttpApplication
    {
        public static IContainer Container { get; private set; }

        protected void Application_Start()
        {
            var builder = new ContainerBuilder();
            builder.RegisterType<Controllers.CartController>().InstancePerDependency();
            Container = builder.Build();

            RouteTable.Routes.MapRoute("Default", "{controller}/{action}/{id}", new { controller = "Cart", action = "Index", id = UrlParameter.Optional });
            log4net.Config.XmlConfigurator.Configure();
            Log.Info("started");
        }

        protected void Session_Start(object sender, EventArgs e)
        {
            Session["StartedAt"] = DateTime.UtcNow; // expect: SL2001
        }

        protected void Application_BeginRequest(object sender, EventArgs e)
        {
            Context.Items["RequestStarted"] = DateTime.UtcNow;
        }

        protected void Application_Error(object sender, EventArgs e)
        {
            Log.Error("unhandled", Server.GetLastError());
        }
    }
}
