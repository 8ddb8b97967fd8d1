using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReportWorker;

// ReportWorker: writes the sales summary every few minutes for the back office.
var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddHostedService<SalesReportService>();

var host = builder.Build();
host.Run();
