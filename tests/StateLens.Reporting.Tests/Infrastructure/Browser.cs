using Microsoft.Playwright;

namespace StateLens.Reporting.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven by Playwright (its own browser download is not used). One browser per test class;
/// a missing /usr/bin/chromium skips the tests locally and fails them under CI.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;
    private TempDirectory? profile;

    public IBrowserContext? Context { get; private set; }

    public IBrowserContext? NoScriptContext { get; private set; }

    public static bool IsAvailable => File.Exists(ChromiumPath);

    public static string MissingReason => $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium).";

    /// <summary>The test output's artifacts folder, where screenshots are kept.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        profile = new TempDirectory();
        var options = new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without these flags Chromium tries to reach update and sync hosts it cannot reach here.
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            JavaScriptEnabled = true,
        };
        Context = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(profile.Path, "js"), options);
        options.JavaScriptEnabled = false;
        NoScriptContext = await playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(profile.Path, "nojs"), options);
    }

    public async Task DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        if (NoScriptContext is not null)
        {
            await NoScriptContext.CloseAsync();
        }

        playwright?.Dispose();
        profile?.Dispose();
    }

    /// <summary>Opens a report and collects what must never happen: console errors and warnings, page errors, dialogs, network requests.</summary>
    public static async Task<(IPage Page, List<string> Problems)> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"dialog {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file://", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                problems.Add($"network request: {request.Url}");
            }
        };
        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (page, problems);
    }
}
