namespace StateLens.Reporting;

/// <summary>A report template that does not parse or fails while rendering; the message names every file:line on one line.</summary>
public sealed class ReportTemplateException : Exception
{
    public ReportTemplateException(string message, IReadOnlyList<string> locations, Exception? inner = null)
        : base(message, inner)
    {
        Locations = locations;
    }

    /// <summary>Each problem as "file:line:column: message".</summary>
    public IReadOnlyList<string> Locations { get; }
}
