using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>
/// Decides where a path expression points: the application folder, the temp folder, a configured or absolute
/// location, or somewhere it cannot tell. It follows the value through conversions, locals (the last simple
/// assignment before the use in the same body), fields and properties declared in the compilation (initializers,
/// constructor assignments, getter returns), helper methods declared in the compilation (their returns),
/// Path.Combine, + / &amp;, $"" and string.Format. Parameters are not followed to call sites: they stay unknown, with a reason.
/// One instance per compilation; it caches what it learns about members.
/// </summary>
internal sealed class FilePathClassifier
{
    private const int MaxDepth = 24;

    private static readonly ImmutableHashSet<string> AppRootProperties = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "System.AppDomain.BaseDirectory",
        "System.AppContext.BaseDirectory",
        "System.AppDomainSetup.ApplicationBase",
        "System.Environment.CurrentDirectory",
        "System.Web.HttpRuntime.AppDomainAppPath",
        "System.Web.HttpRuntime.BinDirectory",
        "System.Windows.Forms.Application.StartupPath",
        "System.Windows.Forms.Application.ExecutablePath",
        "System.Web.Hosting.HostingEnvironment.ApplicationPhysicalPath",
        "System.Web.HttpRequest.PhysicalApplicationPath",
        "System.Web.HttpRequestBase.PhysicalApplicationPath");

    private static readonly ImmutableHashSet<string> HostEnvironmentTypes = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Microsoft.AspNetCore.Hosting.IWebHostEnvironment",
        "Microsoft.AspNetCore.Hosting.IHostingEnvironment",
        "Microsoft.Extensions.Hosting.IHostEnvironment",
        "Microsoft.Extensions.Hosting.IHostingEnvironment");

    private static readonly ImmutableHashSet<string> DirectoryListings = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "GetFiles", "EnumerateFiles", "GetDirectories", "EnumerateDirectories", "GetFileSystemEntries",
        "EnumerateFileSystemEntries", "GetFileSystemInfos", "EnumerateFileSystemInfos");

    private static readonly ImmutableHashSet<string> PathPreservingStringMethods = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Trim", "TrimEnd", "TrimStart", "Replace", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant", "ToString");

    private static readonly string[] OptionsTypeSuffixes = { "Options", "Settings", "Config", "Configuration" };

    private readonly Compilation compilation;
    private readonly INamedTypeSymbol? pathType;
    private readonly INamedTypeSymbol? stringType;
    private readonly INamedTypeSymbol? directoryType;
    private readonly INamedTypeSymbol? fileType;
    private readonly INamedTypeSymbol? fileSystemInfoType;
    private readonly INamedTypeSymbol? fileInfoType;
    private readonly INamedTypeSymbol? directoryInfoType;
    private readonly INamedTypeSymbol? fileStreamType;
    private readonly INamedTypeSymbol? environmentType;
    private readonly INamedTypeSymbol? assemblyType;
    private readonly INamedTypeSymbol? nameValueCollectionType;
    private readonly INamedTypeSymbol? configurationType;
    private readonly INamedTypeSymbol? configurationSectionType;
    private readonly INamedTypeSymbol? applicationSettingsBaseType;
    private readonly ImmutableHashSet<INamedTypeSymbol> optionsTypes;
    private readonly ImmutableHashSet<INamedTypeSymbol> hostEnvironmentTypes;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> models = new();
    private readonly ConcurrentDictionary<ISymbol, FilePath?> members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, ImmutableArray<IOperation>> namedOperations = new(StringComparer.Ordinal);
    private readonly ImmutableHashSet<INamedTypeSymbol> optionsConfigurers;

    public FilePathClassifier(Compilation compilation)
    {
        this.compilation = compilation;
        pathType = KnownSymbols.Type(compilation, "System.IO.Path");
        stringType = compilation.GetSpecialType(SpecialType.System_String);
        directoryType = KnownSymbols.Type(compilation, "System.IO.Directory");
        fileType = KnownSymbols.Type(compilation, "System.IO.File");
        fileSystemInfoType = KnownSymbols.Type(compilation, "System.IO.FileSystemInfo");
        fileInfoType = KnownSymbols.Type(compilation, "System.IO.FileInfo");
        directoryInfoType = KnownSymbols.Type(compilation, "System.IO.DirectoryInfo");
        fileStreamType = KnownSymbols.Type(compilation, "System.IO.FileStream");
        environmentType = KnownSymbols.Type(compilation, "System.Environment");
        assemblyType = KnownSymbols.Type(compilation, "System.Reflection.Assembly");
        nameValueCollectionType = KnownSymbols.Type(compilation, "System.Collections.Specialized.NameValueCollection");
        configurationType = KnownSymbols.Type(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        configurationSectionType = KnownSymbols.Type(compilation, "Microsoft.Extensions.Configuration.IConfigurationSection");
        applicationSettingsBaseType = KnownSymbols.Type(compilation, "System.Configuration.ApplicationSettingsBase");
        optionsTypes = KnownSymbols.Types(
            compilation,
            "Microsoft.Extensions.Options.IOptions`1",
            "Microsoft.Extensions.Options.IOptionsSnapshot`1",
            "Microsoft.Extensions.Options.IOptionsMonitor`1");
        hostEnvironmentTypes = KnownSymbols.Types(compilation, HostEnvironmentTypes.ToArray());
        optionsConfigurers = KnownSymbols.Types(
            compilation,
            "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions",
            "Microsoft.Extensions.Options.OptionsBuilder`1");
    }

    public FilePath Classify(IOperation? operation, CancellationToken cancellationToken) =>
        Classify(operation, new Context(cancellationToken));

    /// <summary>
    /// The stream a value refers to, when it is opened on a path: <c>new FileStream(path, ...)</c>, File.Create/OpenWrite/Open
    /// or FileInfo.Create/OpenWrite/Open, directly or through a local. Returns the path operation (or the FileInfo receiver).
    /// </summary>
    public IOperation? FileStreamPathOf(IOperation operation)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            operation = Unwrap(operation);
            switch (operation)
            {
                case IObjectCreationOperation creation when creation.Constructor?.ContainingType.IsOrInherits(fileStreamType) == true:
                    return ArgumentNamed(creation.Arguments, "path");
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, fileType)
                                                          && invocation.TargetMethod.Name is "Create" or "OpenWrite" or "Open":
                    return ArgumentNamed(invocation.Arguments, "path");
                case IInvocationOperation invocation when invocation.TargetMethod.ContainingType.IsOrInherits(fileInfoType)
                                                          && invocation.TargetMethod.Name is "Create" or "OpenWrite" or "Open":
                    return invocation.Instance;
                case ILocalReferenceOperation local when LastValueOf(local) is { } value:
                    operation = value;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The value a local holds at <paramref name="use"/>: the last simple assignment (or initializer) before it in the same body.</summary>
    public static IOperation? LastValueOf(ILocalReferenceOperation use)
    {
        var root = Root(use);
        IOperation? best = null;
        IOperation? first = null;
        foreach (var operation in root.DescendantsAndSelf())
        {
            IOperation? value = operation switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, use.Local)
                    => declarator.GetVariableInitializer()?.Value,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, use.Local) => assignment.Value,
                _ => null,
            };
            if (value is null)
            {
                continue;
            }

            first ??= value;
            // Only values complete before the use: in path = Path.Combine(path, x) the inner path is the previous value.
            if (value.Syntax.Span.End <= use.Syntax.SpanStart && (best is null || value.Syntax.SpanStart > best.Syntax.SpanStart))
            {
                best = value;
            }
        }

        return best ?? first;
    }

    public static IOperation? ArgumentNamed(ImmutableArray<IArgumentOperation> arguments, params string[] names)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && names.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    break;
                case IAwaitOperation await:
                    operation = await.Operation;
                    break;
                default:
                    return operation;
            }
        }
    }

    private FilePath Classify(IOperation? operation, Context context)
    {
        if (operation is null)
        {
            return FilePath.Unknown("no path argument");
        }

        if (context.Depth > MaxDepth)
        {
            return FilePath.Unknown("the path is built too indirectly to follow");
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return FilePath.Constant(constant);
        }

        context.Depth++;
        try
        {
            return operation switch
            {
                IInterpolatedStringOperation interpolated => FilePath.Join(
                    interpolated.Parts.Select(part => part switch
                    {
                        IInterpolatedStringTextOperation text => Classify(text.Text, context),
                        IInterpolationOperation hole => Classify(hole.Expression, context),
                        _ => FilePath.Unknown("an interpolated part"),
                    }).ToImmutableArray(),
                    combine: false),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Concatenate } binary
                    when binary.Type?.SpecialType == SpecialType.System_String || binary.OperatorKind == BinaryOperatorKind.Concatenate
                    => FilePath.Join(ConcatenationParts(binary).Select(p => Classify(p, context)).ToImmutableArray(), combine: false),
                ICoalesceOperation coalesce => Classify(coalesce.Value, context) is { Kind: not FilePathKind.Unknown } value
                    ? value
                    : Classify(coalesce.WhenNull, context),
                IConditionalOperation { WhenFalse: not null } conditional => Either(
                    Classify(conditional.WhenTrue, context), Classify(conditional.WhenFalse, context)),
                IParameterReferenceOperation parameter => ClassifyParameter(parameter.Parameter, context),
                ILocalReferenceOperation local => ClassifyLocal(local, context),
                IFieldReferenceOperation field => ClassifyField(field, context),
                IPropertyReferenceOperation property => ClassifyProperty(property, context),
                IInvocationOperation invocation => ClassifyInvocation(invocation, context),
                IObjectCreationOperation creation when IsFileSystemInfo(creation.Type) && creation.Arguments.Length > 0
                    => Classify(creation.Arguments[0].Value, context),
                _ => FilePath.Unknown($"'{Excerpt(operation)}' is not a path StateLens can follow"),
            };
        }
        finally
        {
            context.Depth--;
        }
    }

    private static FilePath Either(FilePath whenTrue, FilePath whenFalse) =>
        whenTrue.Kind == whenFalse.Kind || whenFalse.Kind == FilePathKind.Unknown ? whenTrue
        : whenTrue.Kind == FilePathKind.Unknown ? whenFalse
        : FilePath.Unknown("the path is one of two differently rooted values");

    private static IEnumerable<IOperation> ConcatenationParts(IOperation operation)
    {
        operation = Unwrap(operation);
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Concatenate } binary
            && operation.ConstantValue is not { HasValue: true }
            && (binary.Type?.SpecialType == SpecialType.System_String || binary.OperatorKind == BinaryOperatorKind.Concatenate))
        {
            return ConcatenationParts(binary.LeftOperand).Concat(ConcatenationParts(binary.RightOperand));
        }

        return new[] { operation };
    }

    private FilePath ClassifyLocal(ILocalReferenceOperation local, Context context)
    {
        var name = local.Local.Name;
        if (ForEachSource(local) is { } listing)
        {
            return listing;
        }

        IOperation? value = LastValueOf(local);
        if (value is null)
        {
            return FilePath.Unknown($"local '{name}' is not assigned a value StateLens can follow", "{" + name + "}");
        }

        var result = Classify(value, context);
        return result.Kind == FilePathKind.Unknown && result.Text == "*" ? FilePath.Unknown(result.Reason ?? "", "{" + name + "}") : result;

        FilePath? ForEachSource(ILocalReferenceOperation reference)
        {
            foreach (var loop in Root(reference).DescendantsAndSelf().OfType<IForEachLoopOperation>())
            {
                var isLoopVariable = loop.Locals.Contains(reference.Local, SymbolEqualityComparer.Default)
                    || (loop.LoopControlVariable is ILocalReferenceOperation control && SymbolEqualityComparer.Default.Equals(control.Local, reference.Local));
                if (!isLoopVariable)
                {
                    continue;
                }

                if (Unwrap(loop.Collection) is IInvocationOperation listingCall && DirectoryListings.Contains(listingCall.TargetMethod.Name))
                {
                    var folder = SymbolEqualityComparer.Default.Equals(listingCall.TargetMethod.ContainingType, directoryType)
                        ? Classify(ArgumentNamed(listingCall.Arguments, "path"), context)
                        : listingCall.Instance is { } instance && IsFileSystemInfo(instance.Type) ? Classify(instance, context) : null;
                    if (folder is not null)
                    {
                        return folder.WithText(folder.Text + "/*");
                    }
                }

                return FilePath.Unknown($"loop variable '{reference.Local.Name}' is not a directory listing", "{" + reference.Local.Name + "}");
            }

            return null;
        }
    }

    /// <summary>
    /// A parameter of a constructor, a private or internal method or a local function takes the values its callers in this
    /// compilation pass: <c>new FileCursor("cursor.txt")</c>, <c>: base(folder)</c>, a DI registration
    /// <c>AddSingleton(sp =&gt; new Store(env.ContentRootPath))</c>. Resolved only when there are callers, every one of them
    /// resolves and all are rooted alike; otherwise the parameter stays unknown, as callers elsewhere may pass anything.
    /// Public methods other than constructors are not followed: their callers are mostly outside the compilation.
    /// </summary>
    private FilePath ClassifyParameter(IParameterSymbol parameter, Context context)
    {
        var unknown = FilePath.Unknown($"parameter '{parameter.Name}' of {Describe(parameter.ContainingSymbol)}", "{" + parameter.Name + "}");
        if (parameter.ContainingSymbol is not IMethodSymbol method || !FollowsCallers(method))
        {
            return unknown;
        }

        if (!context.Visiting.Add(parameter))
        {
            // A recursive method passing its parameter on to itself.
            context.Cycles++;
            return unknown;
        }

        try
        {
            var values = new List<FilePath>();
            foreach (var call in CallsOf(method))
            {
                var arguments = call switch
                {
                    IInvocationOperation invocation => invocation.Arguments,
                    IObjectCreationOperation creation => creation.Arguments,
                    _ => ImmutableArray<IArgumentOperation>.Empty,
                };
                var argument = arguments.FirstOrDefault(a => a.Parameter is { } p && p.Ordinal == parameter.Ordinal);
                if (argument is null || argument.ArgumentKind == ArgumentKind.ParamArray)
                {
                    return unknown;
                }

                var cycles = context.Cycles;
                var value = Classify(argument.Value, context);
                if (value.Kind == FilePathKind.Unknown)
                {
                    // The first caller that cannot be followed says why: "parameter 'root' of Factory.Create" carries the chain on.
                    // A caller whose value leads back here (a directory built from its parent directory) says nothing new.
                    return value.Reason is null || context.Cycles != cycles ? unknown : FilePath.Unknown(value.Reason, unknown.Text);
                }

                values.Add(value);
            }

            return values.Count == 0 ? unknown : Agreed(values) ?? FilePath.Unknown($"the callers of {Describe(method)} pass differently rooted values for '{parameter.Name}'", unknown.Text);
        }
        finally
        {
            context.Visiting.Remove(parameter);
        }
    }

    /// <summary>Values rooted alike: one of them when they read the same, else their common folder with "*" for the rest.</summary>
    private static FilePath? Agreed(IReadOnlyList<FilePath> values)
    {
        var first = values[0];
        if (values.Any(v => v.Kind != first.Kind || !string.Equals(v.ConfigKey, first.ConfigKey, StringComparison.Ordinal)))
        {
            return null;
        }

        if (values.Any(v => v.CreatedByTempApi != first.CreatedByTempApi))
        {
            first = FilePath.Temp(first.Text);
        }

        if (values.All(v => v.Text == first.Text))
        {
            return first;
        }

        var common = first.Text.Split('/');
        var length = common.Length;
        foreach (var value in values.Skip(1))
        {
            var segments = value.Text.Split('/');
            var same = 0;
            while (same < length && same < segments.Length - 1 && same < common.Length - 1 && segments[same] == common[same])
            {
                same++;
            }

            length = same;
        }

        var folder = string.Join("/", common.Take(length));
        return first.WithText(folder.Length == 0 ? "*" : folder + "/*");
    }

    private static bool FollowsCallers(IMethodSymbol method) =>
        !method.DeclaringSyntaxReferences.IsEmpty
        && method.MethodKind switch
        {
            MethodKind.Constructor => true,
            MethodKind.LocalFunction => true,
            MethodKind.Ordinary => method.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal or Accessibility.ProtectedAndInternal
                && !method.IsVirtual && !method.IsAbstract && !method.IsOverride && method.ExplicitInterfaceImplementations.IsEmpty
                && !ImplementsInterface(method),
            _ => false,
        };

    private static bool ImplementsInterface(IMethodSymbol method) =>
        method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name))
            .Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));

    /// <summary>
    /// Every call of <paramref name="method"/> in this compilation (invocations, constructor initializers, object creations);
    /// empty when the method is also used as a method group, whose callers cannot be seen.
    /// </summary>
    private IReadOnlyList<IOperation> CallsOf(IMethodSymbol method)
    {
        var target = method.OriginalDefinition;
        var calls = new List<IOperation>();
        // A constructor is written by its type's name (new Store(...), a derived class's ": Store"); a method by its own.
        var name = target.MethodKind == MethodKind.Constructor ? target.ContainingType.Name : target.Name;
        foreach (var operation in OperationsNaming(name))
        {
            switch (operation)
            {
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method.OriginalDefinition, target):
                    return [];
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, target):
                    calls.Add(invocation);
                    break;
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, target):
                    calls.Add(creation);
                    break;
            }
        }

        return calls;
    }

    /// <summary>
    /// The calls, creations and method references in the files of this compilation whose text mentions
    /// <paramref name="name"/> (a cheap filter; the callers compare symbols). Cached per name.
    /// </summary>
    private ImmutableArray<IOperation> OperationsNaming(string name) => namedOperations.GetOrAdd(name, key =>
    {
        var found = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.GetText().ToString().IndexOf(key, StringComparison.Ordinal) < 0 || Model(tree) is not { } model)
            {
                continue;
            }

            foreach (var root in RootOperations(tree.GetRoot(), model))
            {
                found.AddRange(root.DescendantsAndSelf().Where(o => o is IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation));
            }
        }

        return found.ToImmutable();
    });

    /// <summary>The outermost operations of a file: member bodies, initializers, constructor initializers.</summary>
    private static IEnumerable<IOperation> RootOperations(SyntaxNode root, SemanticModel model)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (model.GetOperation(node) is { } operation)
            {
                yield return Root(operation);
                continue;
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>
    /// What the application assigns to an options property in its own configuration callbacks:
    /// <c>services.Configure&lt;T&gt;(o =&gt; o.Folder = ...)</c>, PostConfigure, ConfigureAll, <c>AddOptions&lt;T&gt;().Configure(...)</c>.
    /// Null when nothing in this compilation assigns it there, or the assignments are not rooted alike.
    /// </summary>
    private FilePath? ConfiguredInCode(IPropertySymbol property, Context context)
    {
        if (optionsConfigurers.IsEmpty || property.SetMethod is null)
        {
            return null;
        }

        var target = property.OriginalDefinition;
        if (!context.Visiting.Add(target))
        {
            return null;
        }

        try
        {
            var values = new List<FilePath>();
            foreach (var operation in OperationsNaming(property.Name))
            {
                if (operation is not IInvocationOperation configure || configure.TargetMethod.ContainingType is not { } type
                    || !optionsConfigurers.Contains(type.OriginalDefinition))
                {
                    continue;
                }

                foreach (var lambda in configure.Arguments.Select(a => Unwrap(a.Value)).OfType<IDelegateCreationOperation>()
                    .Select(d => d.Target).OfType<IAnonymousFunctionOperation>())
                {
                    foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
                    {
                        if (assignment.Target is IPropertyReferenceOperation assigned
                            && SymbolEqualityComparer.Default.Equals(assigned.Property.OriginalDefinition, target))
                        {
                            var value = Classify(assignment.Value, context);
                            if (value.Kind == FilePathKind.Unknown)
                            {
                                return null;
                            }

                            values.Add(value);
                        }
                    }
                }
            }

            return values.Count == 0 ? null : Agreed(values);
        }
        finally
        {
            context.Visiting.Remove(target);
        }
    }

    private FilePath ClassifyField(IFieldReferenceOperation reference, Context context)
    {
        var field = reference.Field;
        if (field.ContainingType?.SpecialType == SpecialType.System_String && field.Name == "Empty")
        {
            return FilePath.Constant(string.Empty);
        }

        return ClassifyMember(field, context)
            ?? FilePath.Unknown($"field '{field.Name}' has no value StateLens can follow", "{" + field.Name + "}");
    }

    private FilePath ClassifyProperty(IPropertyReferenceOperation reference, Context context)
    {
        var property = reference.Property;
        var containing = property.ContainingType;
        var qualified = containing is null ? property.Name : containing.ToDisplayString() + "." + property.Name;
        if (AppRootProperties.Contains(qualified))
        {
            return FilePath.AppRoot("~/");
        }

        if (containing is not null && hostEnvironmentTypes.Contains(containing.OriginalDefinition))
        {
            if (property.Name == "ContentRootPath")
            {
                return FilePath.AppRoot("~/");
            }

            if (property.Name == "WebRootPath")
            {
                return FilePath.AppRoot("~/wwwroot/");
            }
        }

        if (SymbolEqualityComparer.Default.Equals(containing, assemblyType) && property.Name is "Location" or "CodeBase")
        {
            return FilePath.AppRoot("~/{assembly}");
        }

        if (containing.IsOrInherits(fileSystemInfoType) && reference.Instance is { } info)
        {
            switch (property.Name)
            {
                case "FullName":
                    return Classify(info, context);
                case "DirectoryName" or "Directory" or "Parent":
                    return Classify(info, context).Parent();
            }
        }

        if (ConfigurationKey(reference) is { } configured)
        {
            return ConfiguredInCode(property, context) ?? configured;
        }

        // services.Configure<T>(o => o.Folder = ...): what the application itself sets wins over a binding from configuration.
        if (ConfiguredInCode(property, context) is { } assigned)
        {
            return assigned;
        }

        // A settable property of an options/settings class is bound from configuration; its initializer is only a default.
        var bindable = containing is not null && IsSettingsType(containing) && property.SetMethod is { DeclaredAccessibility: Accessibility.Public };
        if (!bindable && ClassifyMember(property, context) is { } followed && followed.Kind != FilePathKind.Unknown)
        {
            return followed;
        }

        if (containing is not null && IsSettingsType(containing))
        {
            return FilePath.Configured(containing.Name + "." + property.Name);
        }

        return ClassifyMember(property, context)
            ?? FilePath.Unknown($"value of '{property.ShortName()}' is not known", "{" + property.Name + "}");
    }

    private FilePath? ConfigurationKey(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        var instance = reference.Instance is null ? null : Unwrap(reference.Instance);

        if (property.IsIndexer && reference.Arguments.Length == 1)
        {
            var key = reference.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string k } ? k : null;
            if (property.ContainingType.IsOrInherits(nameValueCollectionType) && instance is IPropertyReferenceOperation { Property.Name: "AppSettings" })
            {
                return FilePath.Configured(key is null ? "appSettings" : "appSettings:" + key);
            }

            if (property.ContainingType.IsOrInherits(configurationType))
            {
                return FilePath.Configured(SectionPrefix(instance) + key);
            }
        }

        if (property.Name == "Value" && property.ContainingType.IsOrInherits(configurationSectionType))
        {
            return FilePath.Configured(SectionPrefix(instance).TrimEnd(':'));
        }

        // IOptions<T>.Value.Prop / IOptionsMonitor<T>.CurrentValue.Prop: the key is written "T.Prop".
        if (instance is IPropertyReferenceOperation { Property.Name: "Value" or "CurrentValue" } options
            && options.Property.ContainingType is { } optionsType
            && optionsTypes.Contains(optionsType.OriginalDefinition))
        {
            return FilePath.Configured(property.ContainingType.Name + "." + property.Name);
        }

        if (property.ContainingType.IsOrInherits(applicationSettingsBaseType) && !property.IsStatic)
        {
            return FilePath.Configured(property.ContainingType.Name + "." + property.Name);
        }

        return null;
    }

    /// <summary>"Storage:" for configuration.GetSection("Storage"), following locals, fields and properties; "" when there is no section.</summary>
    private string SectionPrefix(IOperation? instance)
    {
        for (var depth = 0; instance is not null && depth < 8; depth++)
        {
            instance = Unwrap(instance);
            if (instance is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } section)
            {
                var keyArgument = ArgumentNamed(section.Arguments, "key");
                var key = keyArgument?.ConstantValue is { HasValue: true, Value: string k } ? k : "*";
                var receiver = section.Instance ?? (section.Arguments.Length > 1 ? section.Arguments[0].Value : null);
                return SectionPrefix(receiver) + key + ":";
            }

            instance = instance switch
            {
                ILocalReferenceOperation local => LastValueOf(local),
                IFieldReferenceOperation field => MemberValues(field.Field.OriginalDefinition).FirstOrDefault(),
                IPropertyReferenceOperation property when !property.Property.IsIndexer => MemberValues(property.Property.OriginalDefinition).FirstOrDefault(),
                _ => null,
            };
        }

        return string.Empty;
    }

    private FilePath ClassifyInvocation(IInvocationOperation invocation, Context context)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        var arguments = ExpandedArguments(invocation);

        if (method.Name == "MapPath" && containing?.ContainingNamespace?.ToDisplayString().StartsWith("System.Web", StringComparison.Ordinal) == true)
        {
            return MapPath(arguments.FirstOrDefault(), context);
        }

        // An application's own MapPath helper (CommonHelper.MapPath, INopFileProvider.MapPath, IAppDataFolder.MapPath) given
        // a "~/" virtual path: whatever its body does with other inputs, a "~/" path maps into the application folder.
        if (method.Name == "MapPath" && arguments.Length >= 1 && Classify(arguments[0], context) is { IsConstant: true } virtualPath
            && virtualPath.Text.StartsWith("~", StringComparison.Ordinal))
        {
            return MapPath(arguments[0], context);
        }

        // AppDomain.CurrentDomain.GetData("DataDirectory"): the |DataDirectory| of connection strings, ~/App_Data in a web app.
        if (method.Name == "GetData" && containing?.ToDisplayString() == "System.AppDomain"
            && arguments.Length == 1 && arguments[0].ConstantValue is { HasValue: true, Value: string dataKey }
            && dataKey.Equals("DataDirectory", StringComparison.OrdinalIgnoreCase))
        {
            return FilePath.AppRoot("~/App_Data");
        }

        // GetData(...).ToString() / Convert-free object.ToString() on a value that is a path.
        if (method.Name == "ToString" && !method.IsStatic && arguments.Length == 0
            && containing?.SpecialType == SpecialType.System_Object && invocation.Instance is { } boxed)
        {
            return Classify(boxed, context);
        }

        if (SymbolEqualityComparer.Default.Equals(containing, pathType))
        {
            switch (method.Name)
            {
                case "Combine" or "Join":
                    return FilePath.Join(arguments.Select(a => Classify(a, context)).ToImmutableArray(), combine: true);
                case "GetTempPath":
                    return FilePath.Temp("{temp}/");
                case "GetTempFileName":
                    return FilePath.Temp("{temp}/*.tmp", createdByTempApi: true);
                case "GetFullPath" or "ChangeExtension" when arguments.Length > 0:
                    return Classify(arguments[0], context);
                case "GetDirectoryName" when arguments.Length > 0:
                    return Classify(arguments[0], context).Parent();
            }
        }

        if (SymbolEqualityComparer.Default.Equals(containing, stringType))
        {
            if (method.Name == "Concat" && method.IsStatic)
            {
                return FilePath.Join(arguments.Select(a => Classify(a, context)).ToImmutableArray(), combine: false);
            }

            if (method.Name == "Format" && method.IsStatic)
            {
                return Format(arguments, context);
            }

            if (!method.IsStatic && PathPreservingStringMethods.Contains(method.Name) && invocation.Instance is { } text)
            {
                return Classify(text, context);
            }
        }

        if (SymbolEqualityComparer.Default.Equals(containing, directoryType))
        {
            switch (method.Name)
            {
                case "GetCurrentDirectory":
                    return FilePath.AppRoot("~/");
                case "CreateDirectory" when arguments.Length > 0:
                    return Classify(arguments[0], context);
                case "CreateTempSubdirectory":
                    return FilePath.Temp("{temp}/*", createdByTempApi: true);
            }
        }

        if (containing.IsOrInherits(directoryInfoType) && method.Name == "CreateSubdirectory" && invocation.Instance is { } parent && arguments.Length > 0)
        {
            return FilePath.Join(ImmutableArray.Create(Classify(parent, context), Classify(arguments[0], context)), combine: true);
        }

        if (SymbolEqualityComparer.Default.Equals(containing, environmentType))
        {
            switch (method.Name)
            {
                case "GetFolderPath" when arguments.Length > 0:
                    var folder = Unwrap(arguments[0]) is IFieldReferenceOperation special ? special.Field.Name : "SpecialFolder";
                    return FilePath.Absolute("{" + folder + "}");
                case "GetEnvironmentVariable" when arguments.Length > 0:
                    var variable = arguments[0].ConstantValue is { HasValue: true, Value: string name } ? name : null;
                    return variable is "TEMP" or "TMP" or "TMPDIR" ? FilePath.Temp("{temp}/") : FilePath.Configured(variable is null ? "env" : "env:" + variable);
                case "ExpandEnvironmentVariables" when arguments.Length > 0:
                    return ExpandEnvironmentVariables(Classify(arguments[0], context));
            }
        }

        if (method.Name is "Get" && containing.IsOrInherits(nameValueCollectionType)
            && invocation.Instance is { } settings && Unwrap(settings) is IPropertyReferenceOperation { Property.Name: "AppSettings" }
            && arguments.Length == 1)
        {
            return FilePath.Configured(arguments[0].ConstantValue is { HasValue: true, Value: string key } ? "appSettings:" + key : "appSettings");
        }

        if (method.Name is "GetValue" && method.IsStatic
            && containing?.ToDisplayString() == "Microsoft.Extensions.Configuration.ConfigurationBinder"
            && ArgumentNamed(invocation.Arguments, "key") is { } keyArgument)
        {
            var receiver = invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null;
            var key = keyArgument.ConstantValue is { HasValue: true, Value: string k } ? k : "*";
            return FilePath.Configured(SectionPrefix(receiver) + key);
        }

        if (ClassifyMember(method, context) is { } returned)
        {
            return returned;
        }

        return FilePath.Unknown($"result of '{method.ShortName()}' is not known");
    }

    /// <summary>"%TEMP%\\x" is the temp folder; another leading %VARIABLE% is a machine folder outside the app.</summary>
    private static FilePath ExpandEnvironmentVariables(FilePath value)
    {
        if (!value.IsConstant || !value.Text.StartsWith("%", StringComparison.Ordinal))
        {
            return value;
        }

        var end = value.Text.IndexOf('%', 1);
        var variable = end > 1 ? value.Text.Substring(1, end - 1) : string.Empty;
        var rest = end > 1 ? value.Text.Substring(end + 1) : value.Text;
        return variable.ToUpperInvariant() is "TEMP" or "TMP"
            ? FilePath.Temp("{temp}" + rest)
            : FilePath.Absolute("{" + variable + "}" + rest);
    }

    private FilePath MapPath(IOperation? virtualPath, Context context)
    {
        var mapped = Classify(virtualPath, context);
        if (mapped.IsConstant)
        {
            var text = mapped.Text;
            return FilePath.AppRoot(text.StartsWith("~", StringComparison.Ordinal) ? text : text.StartsWith("/", StringComparison.Ordinal) ? "~" + text : "~/" + text);
        }

        var inner = mapped.Text.StartsWith("~", StringComparison.Ordinal) ? mapped.Text : "~/" + mapped.Text;
        return FilePath.AppRoot(inner, mapped.ConfigKey);
    }

    private FilePath Format(ImmutableArray<IOperation> arguments, Context context)
    {
        var formatIndex = arguments.Length > 0 && arguments[0].Type?.SpecialType != SpecialType.System_String ? 1 : 0;
        if (arguments.Length <= formatIndex || arguments[formatIndex].ConstantValue is not { HasValue: true, Value: string format })
        {
            return FilePath.Unknown("string.Format with a non-constant format");
        }

        var values = arguments.Skip(formatIndex + 1).ToList();
        var parts = ImmutableArray.CreateBuilder<FilePath>();
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? format.IndexOf('}', i) : -1;
            if (close < 0)
            {
                literal.Append(c);
                continue;
            }

            var hole = format.Substring(i + 1, close - i - 1);
            var digits = new string(hole.TakeWhile(char.IsDigit).ToArray());
            parts.Add(FilePath.Constant(literal.ToString()));
            literal.Clear();
            parts.Add(int.TryParse(digits, out var index) && index < values.Count ? Classify(values[index], context) : FilePath.Unknown("a format hole"));
            i = close;
        }

        parts.Add(FilePath.Constant(literal.ToString()));
        return FilePath.Join(parts.ToImmutable(), combine: false);
    }

    /// <summary>The argument values, with a params array written in expanded form replaced by its elements.</summary>
    private static ImmutableArray<IOperation> ExpandedArguments(IInvocationOperation invocation)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                builder.AddRange(initializer.ElementValues);
            }
            else if (argument.ArgumentKind == RoslynCompat.ParamCollection && Unwrap(argument.Value) is ICollectionExpressionOperation collection)
            {
                builder.AddRange(collection.Elements);
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                builder.Add(argument.Value);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// What a member declared in this compilation evaluates to: a field's or auto-property's initializer and
    /// constructor assignments, a getter's or method's returns. Null when it is not declared here or has no such value.
    /// </summary>
    private FilePath? ClassifyMember(ISymbol member, Context context)
    {
        member = member.OriginalDefinition;
        if (Implementations(member) is { Count: > 0 } implementations)
        {
            return ClassifyImplementations(member, implementations, context);
        }

        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        if (members.TryGetValue(member, out var cached))
        {
            return cached;
        }

        if (!context.Visiting.Add(member))
        {
            context.Cycles++;
            return FilePath.Unknown($"'{member.Name}' is defined in terms of itself");
        }

        var cycles = context.Cycles;
        try
        {
            var values = MemberValues(member);
            FilePath? result = null;
            foreach (var value in values)
            {
                // "" and null are placeholders (string Folder = ""; assigned later), not paths.
                if (value.ConstantValue is { HasValue: true, Value: null or "" })
                {
                    continue;
                }

                var classified = Classify(value, context);
                if (result is null)
                {
                    result = classified;
                }
                else if (result.Kind != classified.Kind)
                {
                    result = FilePath.Unknown($"'{member.Name}' is given differently rooted values");
                    break;
                }
                else if (result.CreatedByTempApi != classified.CreatedByTempApi)
                {
                    // One value from Path.GetTempFileName(), another made elsewhere in the temp folder: not only the temp API's file.
                    result = FilePath.Temp(result.Text);
                }
            }

            // A value cut short by a cycle depends on where the classification started: not the member's own value.
            if (context.Cycles == cycles)
            {
                members.TryAdd(member, result);
            }

            return result;
        }
        finally
        {
            context.Visiting.Remove(member);
        }
    }

    /// <summary>
    /// An interface or abstract member read through its declaration (IAppSettings.DataFolder) has its value in the
    /// classes of this compilation that implement it: when they all agree on where the path is rooted, that is the answer.
    /// </summary>
    private FilePath? ClassifyImplementations(ISymbol member, IReadOnlyList<ISymbol> implementations, Context context)
    {
        if (members.TryGetValue(member, out var cached))
        {
            return cached;
        }

        if (!context.Visiting.Add(member))
        {
            context.Cycles++;
            return FilePath.Unknown($"'{member.Name}' is defined in terms of itself");
        }

        var cycles = context.Cycles;
        try
        {
            FilePath? result = null;
            foreach (var implementation in implementations)
            {
                var classified = ClassifyMember(implementation, context);
                if (classified is null || classified.Kind == FilePathKind.Unknown)
                {
                    result = classified ?? FilePath.Unknown($"value of '{implementation.ContainingType?.Name}.{implementation.Name}' is not known");
                    break;
                }

                if (result is null)
                {
                    result = classified;
                }
                else if (result.Kind != classified.Kind || result.Text != classified.Text)
                {
                    result = FilePath.Unknown($"the implementations of '{member.Name}' give different folders");
                    break;
                }
            }

            if (context.Cycles == cycles)
            {
                members.TryAdd(member, result);
            }

            return result;
        }
        finally
        {
            context.Visiting.Remove(member);
        }
    }

    /// <summary>Source members of this compilation that implement or override an interface or abstract property or method.</summary>
    private IReadOnlyList<ISymbol> Implementations(ISymbol member)
    {
        if (member is not (IPropertySymbol or IMethodSymbol) || member.ContainingType is not { } declaring
            || !(declaring.TypeKind == TypeKind.Interface || member.IsAbstract))
        {
            return [];
        }

        var found = new List<ISymbol>();
        foreach (var candidate in compilation.GetSymbolsWithName(member.Name, SymbolFilter.Member))
        {
            if (candidate.Kind != member.Kind || candidate.IsAbstract || candidate.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type)
            {
                continue;
            }

            var implements = declaring.TypeKind == TypeKind.Interface
                ? SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member)?.OriginalDefinition, candidate.OriginalDefinition)
                : Overridden(candidate) is { } overridden && SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member);
            if (implements)
            {
                found.Add(candidate.OriginalDefinition);
            }
        }

        return found.OrderBy(f => f.ToDisplayString(), StringComparer.Ordinal).ToList();
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => property.OverriddenProperty,
        IMethodSymbol method => method.OverriddenMethod,
        _ => null,
    };

    private List<IOperation> MemberValues(ISymbol member)
    {
        var values = new List<IOperation>();
        switch (member)
        {
            case IMethodSymbol method:
                values.AddRange(Returns(method));
                break;
            case IPropertySymbol property:
                if (property.GetMethod is { } getter)
                {
                    values.AddRange(Returns(getter));
                }

                if (values.Count == 0)
                {
                    values.AddRange(Initializers(property));
                    values.AddRange(Assignments(property));
                }

                break;
            case IFieldSymbol field:
                values.AddRange(Initializers(field));
                if (!field.IsReadOnly || values.Count == 0)
                {
                    values.AddRange(Assignments(field));
                }

                break;
        }

        return values;
    }

    private IEnumerable<IOperation> Returns(IMethodSymbol method)
    {
        foreach (var body in Bodies(method))
        {
            foreach (var returned in body.Descendants().OfType<IReturnOperation>())
            {
                if (returned.Kind == OperationKind.Return && returned.ReturnedValue is { } value && !InsideNestedFunction(returned, body))
                {
                    yield return value;
                }
            }
        }
    }

    private static bool InsideNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<IOperation> Bodies(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            if (Model(node.SyntaxTree) is not { } model)
            {
                continue;
            }

            foreach (var candidate in new[] { node, node.Parent })
            {
                if (candidate is not null && model.GetOperation(candidate) is { } operation
                    && operation.Kind is OperationKind.MethodBody or OperationKind.ConstructorBody or OperationKind.Block)
                {
                    yield return operation;
                    break;
                }
            }
        }
    }

    private IEnumerable<IOperation> Initializers(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax();
            if (Model(node.SyntaxTree) is not { } model)
            {
                continue;
            }

            // C# and VB properties keep the initializer under the declaring node; a VB field (Dim a As String = "x")
            // under the declarator that is the node's parent. The parent is never a type: that would bind every member.
            var candidates = node.DescendantNodesAndSelf();
            if (node.Parent is { } parent && model.GetDeclaredSymbol(parent) is not INamespaceOrTypeSymbol)
            {
                candidates = candidates.Concat(parent.ChildNodes());
            }

            foreach (var candidate in candidates)
            {
                var initializer = (model.GetOperation(candidate), member) switch
                {
                    (IFieldInitializerOperation f, IFieldSymbol field) when f.InitializedFields.Contains(field, SymbolEqualityComparer.Default) => f.Value,
                    (IPropertyInitializerOperation p, IPropertySymbol property) when p.InitializedProperties.Contains(property, SymbolEqualityComparer.Default) => p.Value,
                    _ => null,
                };
                if (initializer is not null)
                {
                    yield return initializer;
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Assignments to the member in its type's constructors; when there are none, in its type's other methods
    /// (Application_Start setting a static LogFolder, a lazy getter filling a field).
    /// </summary>
    private List<IOperation> Assignments(ISymbol member)
    {
        var values = new List<IOperation>();
        if (member.ContainingType is not { } type)
        {
            return values;
        }

        var constructors = member.IsStatic ? type.StaticConstructors : type.InstanceConstructors;
        foreach (var constructor in constructors)
        {
            AddAssignments(constructor, member, values);
        }

        if (values.Count == 0)
        {
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (method.MethodKind is not (MethodKind.Constructor or MethodKind.StaticConstructor))
                {
                    AddAssignments(method, member, values);
                }
            }
        }

        return values;
    }

    private void AddAssignments(IMethodSymbol method, ISymbol member, List<IOperation> values)
    {
        foreach (var body in Bodies(method))
        {
            foreach (var assignment in body.Descendants().OfType<ISimpleAssignmentOperation>())
            {
                var target = assignment.Target switch
                {
                    IFieldReferenceOperation f => (ISymbol)f.Field,
                    IPropertyReferenceOperation p => p.Property,
                    _ => null,
                };
                if (target is not null && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, member))
                {
                    values.Add(assignment.Value);
                }
            }
        }
    }

    private SemanticModel? Model(SyntaxTree tree)
    {
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // The path of a write is often a field or helper in another file; its operation tree is only reachable
        // through that file's semantic model. Models are cached for the compilation's lifetime.
#pragma warning disable RS1030 // Reading another tree's operations is the point here; the result does not depend on analysis order.
        return models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }

    private bool IsFileSystemInfo(ITypeSymbol? type) => type.IsOrInherits(fileSystemInfoType);

    private static bool IsSettingsType(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Class && OptionsTypeSuffixes.Any(suffix => type.Name.EndsWith(suffix, StringComparison.Ordinal) && type.Name.Length > suffix.Length);

    private static string Describe(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } => "a lambda",
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "the " + constructor.ContainingType.Name + " constructor",
        _ => symbol.ShortName(),
    };

    private static string Excerpt(IOperation operation)
    {
        var text = operation.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    private sealed class Context(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public int Depth { get; set; }

        public HashSet<ISymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>How often a value was cut short because it is defined in terms of itself; such results are not cached.</summary>
        public int Cycles { get; set; }
    }
}
