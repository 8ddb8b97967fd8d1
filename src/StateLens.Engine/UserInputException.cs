namespace StateLens.Engine;

/// <summary>A problem with what the user asked for: shown as one line on stderr, exit code 2, never a stack trace.</summary>
public sealed class UserInputException(string message) : Exception(message);
