using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StateLens.Engine;
using StateLens.Engine.Loading;

namespace StateLens.Cli.Commands;

/// <summary>
/// `statelens shard`: splits an estate's solution list into N deterministic shards for separate CI jobs. Without
/// --index it prints the GitHub Actions matrix ({"shard":[0,1,...]}); with --index it writes that shard's list file,
/// which `statelens analyze LIST --estate-root ROOT` consumes.
/// </summary>
internal sealed class ShardCommand : Command<ShardCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<path>")]
        [Description("A folder (every solution under it, as `analyze --estate` finds them) or a list file.")]
        public string Path { get; init; } = string.Empty;

        [CommandOption("--shards <N>")]
        [Description("How many shards.")]
        public int Shards { get; init; }

        [CommandOption("--index <I>")]
        [Description("Write or print shard I (0-based) as a list file; without it, print the matrix of shard indexes as JSON.")]
        public int? Index { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("With --index: write the list to this file (paths relative to its folder) instead of printing it (paths relative to the current folder).")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (Shards <= 0)
            {
                return ValidationResult.Error(Shards == 0 ? "give the number of shards with --shards N" : $"--shards must be a positive number, not {Shards}");
            }

            if (Index is { } index && (index < 0 || index >= Shards))
            {
                return ValidationResult.Error($"--index must be from 0 to {Shards - 1}, not {index}");
            }

            return Out is not null && Index is null ? ValidationResult.Error("--out needs --index: it writes one shard's list") : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = EstateDiscovery.RootFor(settings.Path, estateRoot: null);
        var solutions = EstateDiscovery.Discover(settings.Path, root, []);
        if (settings.Index is not { } index)
        {
            Console.WriteLine($"{{\"shard\":[{string.Join(',', Enumerable.Range(0, settings.Shards))}]}}");
            return Program.ExitOk;
        }

        var shard = EstateDiscovery.Shard(solutions, settings.Shards)[index];
        var comment = $"statelens shard {index} of {settings.Shards}: {shard.Count} of {solutions.Count} solution(s)";
        if (settings.Out is null)
        {
            Console.Write(EstateDiscovery.ListText(shard, Environment.CurrentDirectory, comment));
            return Program.ExitOk;
        }

        var file = System.IO.Path.GetFullPath(settings.Out);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, EstateDiscovery.ListText(shard, System.IO.Path.GetDirectoryName(file)!, comment));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write the shard list '{settings.Out}' ({e.Message}); choose another file with --out.");
        }

        Console.WriteLine($"wrote {settings.Out}: {comment}");
        return Program.ExitOk;
    }
}
