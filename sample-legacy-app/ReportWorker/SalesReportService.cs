using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReportWorker;

/// <summary>
/// Every Reports:IntervalSeconds seconds, writes a sales summary next to the executable and notes it in a
/// local log file. Both files live on the host's disk: a second replica writes its own, a new container
/// starts without them.
/// </summary>
public sealed class SalesReportService : BackgroundService
{
    private const string LogDirectory = "logs";
    private const string LogFile = "logs/worker.log";
    private const int DefaultIntervalSeconds = 60;

    private static readonly string[] Regions = { "North", "South", "East", "West" };

    private readonly ILogger<SalesReportService> _logger;
    private readonly TimeSpan _interval;

    public SalesReportService(ILogger<SalesReportService> logger, IConfiguration configuration)
    {
        _logger = logger;
        var seconds = configuration.GetValue("Reports:IntervalSeconds", DefaultIntervalSeconds);
        _interval = TimeSpan.FromSeconds(Math.Max(5, seconds));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Writing a sales report every {Interval}", _interval);
        using var timer = new PeriodicTimer(_interval);
        do
        {
            try
            {
                await WriteReportAsync(DateTimeOffset.UtcNow, stoppingToken);
            }
            catch (IOException ex)
            {
                _logger.LogError(ex, "Could not write the sales report");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task WriteReportAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reportDirectory = Path.Combine(AppContext.BaseDirectory, "reports");
        Directory.CreateDirectory(reportDirectory); // expect: SL1001

        var fileName = string.Format(CultureInfo.InvariantCulture, "sales-{0:yyyyMMdd-HHmmss}.csv", now);
        var reportPath = Path.Combine(reportDirectory, fileName);
        await File.WriteAllTextAsync(reportPath, BuildReport(now), Encoding.UTF8, cancellationToken); // expect: SL1001

        Directory.CreateDirectory(LogDirectory); // expect: SL1001
        var logLine = string.Format(CultureInfo.InvariantCulture, "{0:O} wrote {1}{2}", now, fileName, Environment.NewLine);
        File.AppendAllText(LogFile, logLine); // expect: SL1001

        _logger.LogInformation("Sales report {File} written", fileName);
    }

    private static string BuildReport(DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.AppendLine("region;orders;revenue");
        var seed = now.Hour * 60 + now.Minute;
        foreach (var region in Regions)
        {
            var orders = (seed + region.Length * 7) % 50;
            var revenue = orders * 23.5m;
            sb.Append(region).Append(';')
              .Append(orders.ToString(CultureInfo.InvariantCulture)).Append(';')
              .AppendLine(revenue.ToString("0.00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
