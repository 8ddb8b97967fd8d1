namespace StateLens.Rules.Tests.Rules;

/// <summary>
/// Minimal, faithful stubs (real namespaces and type names) of packages the reference sets do not contain,
/// for the session, application-state and cache rules (SL2xxx, SL3xxx). Snippets compile with them as a second source.
/// </summary>
internal static class StateStubs
{
    /// <summary>ASP.NET MVC 5 (System.Web.Mvc 5.2), as far as TempData and output caching need it. C# 7.3.</summary>
    public const string SystemWebMvc = """
        namespace System.Web.Mvc
        {
            using System.Collections.Generic;

            public interface ITempDataProvider
            {
                IDictionary<string, object> LoadTempData(ControllerContext controllerContext);
                void SaveTempData(ControllerContext controllerContext, IDictionary<string, object> values);
            }

            public class ControllerContext
            {
                public ControllerBase Controller { get; set; }
            }

            public class SessionStateTempDataProvider : ITempDataProvider
            {
                public virtual IDictionary<string, object> LoadTempData(ControllerContext controllerContext) { return null; }
                public virtual void SaveTempData(ControllerContext controllerContext, IDictionary<string, object> values) { }
            }

            public class TempDataDictionary
            {
                public object this[string key] { get { return null; } set { } }
                public int Count { get { return 0; } }
                public bool ContainsKey(string key) { return false; }
                public void Keep() { }
                public void Keep(string key) { }
                public object Peek(string key) { return null; }
                public bool Remove(string key) { return false; }
            }

            public abstract class ActionResult { }

            public class RedirectToRouteResult : ActionResult { }

            public class ViewResult : ActionResult { }

            public abstract class ControllerBase
            {
                public TempDataDictionary TempData { get; set; }
            }

            public abstract class Controller : ControllerBase
            {
                public System.Web.HttpContextBase HttpContext { get { return null; } }
                public System.Web.HttpSessionStateBase Session { get { return null; } }
                public ITempDataProvider TempDataProvider { get; set; }
                protected virtual ITempDataProvider CreateTempDataProvider() { return new SessionStateTempDataProvider(); }
                protected internal RedirectToRouteResult RedirectToAction(string actionName) { return new RedirectToRouteResult(); }
                protected internal ViewResult View() { return new ViewResult(); }
                protected internal ViewResult View(object model) { return new ViewResult(); }
            }

            public class ActionExecutedContext : ControllerContext { }

            public abstract class FilterAttribute : System.Attribute { }

            public abstract class ActionFilterAttribute : FilterAttribute
            {
                public virtual void OnActionExecuted(ActionExecutedContext filterContext) { }
            }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
            public class OutputCacheAttribute : ActionFilterAttribute
            {
                public string CacheProfile { get; set; }
                public int Duration { get; set; }
                public System.Web.UI.OutputCacheLocation Location { get; set; }
                public bool NoStore { get; set; }
                public string VaryByParam { get; set; }
            }

            public sealed class GlobalFilterCollection
            {
                public void Add(object filter) { }
            }
        }
        """;
}
