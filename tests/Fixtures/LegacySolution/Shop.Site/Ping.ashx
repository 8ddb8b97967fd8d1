<%@ WebHandler Language="C#" Class="Ping" %>

using System.Web;

public class Ping : IHttpHandler
{
    private static int _count; // expect: SL4001

    public bool IsReusable { get { return true; } }

    public void ProcessRequest(HttpContext context)
    {
        _count++;
        context.Response.Write("pong " + _count);
    }
}
