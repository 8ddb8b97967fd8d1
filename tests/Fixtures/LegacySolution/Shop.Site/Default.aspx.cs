using System;
using System.Web.UI;

public partial class _Default : Page
{
    protected void Page_Load(object sender, EventArgs e)
    {
        ReportLabel.Text = ReportCache.Get("daily") ?? "none";
    }

    protected void RefreshButton_Click(object sender, EventArgs e)
    {
        Session["LastRefresh"] = DateTime.UtcNow; // expect: SL2001
        ReportCache.Put("daily", "refreshed");
    }
}
