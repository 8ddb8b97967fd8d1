using Scriban.Syntax;
using StateLens.Engine;

namespace StateLens.Cli;

/// <summary>A broken template in the user's --scaffold-templates folder is the user's to fix (exit 2), not a crash.</summary>
internal static class ScaffoldTemplates
{
    public static T Guard<T>(string? templateDirectory, Func<T> write)
    {
        try
        {
            return write();
        }
        // The scaffolder reports a template that does not parse as InvalidOperationException and Scriban one that
        // fails while rendering as ScriptRuntimeException; both name the template's path, which is how an error in
        // the user's folder is told from a bug in the built-in templates (that stays an internal error).
        catch (Exception e) when (templateDirectory is not null
            && e is InvalidOperationException or ScriptRuntimeException
            && e.Message.Contains(templateDirectory, StringComparison.Ordinal))
        {
            throw new UserInputException($"scaffold template error: {e.Message}; fix the template or drop --scaffold-templates.");
        }
    }
}
