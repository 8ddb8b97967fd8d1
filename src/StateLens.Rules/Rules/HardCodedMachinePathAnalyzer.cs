using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateLens.Rules.Shared;

namespace StateLens.Rules.Rules;

/// <summary>
/// SL5003: reports drive-letter and UNC paths hard-coded in configuration values and passed as constants to System.IO APIs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class HardCodedMachinePathAnalyzer : DiagnosticAnalyzer
{
    /// <summary>System.IO types whose path arguments are checked (the engine's resource inventory reads the same list).</summary>
    internal static readonly string[] FileApiTypes =
    {
        "System.IO.File",
        "System.IO.Directory",
        "System.IO.FileInfo",
        "System.IO.DirectoryInfo",
        "System.IO.FileStream",
        "System.IO.StreamWriter",
        "System.IO.StreamReader",
        "System.IO.Path",
        "System.IO.FileSystemWatcher",
        "System.IO.Compression.ZipFile",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.HardCodedMachinePath);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ConfigDocuments.RegisterConfigFileAction(context, AnalyzeXml, AnalyzeJson);
        context.RegisterCompilationStartAction(AnalyzeCode);
    }

    /// <summary>
    /// Every attribute value and leaf text in the file, except connection strings (SL5004), file log sinks already
    /// reported by SL5002 and system.webServer, which configures IIS itself and not the application.
    /// </summary>
    private static void AnalyzeXml(AdditionalFileAnalysisContext context, XmlConfigDocument document)
    {
        var sinks = new HashSet<XElement>(ConfigPatterns.FileSinks(document).Select(s => s.Element));
        foreach (var element in document.Document.Descendants())
        {
            if (element.AncestorsAndSelf().Any(e => sinks.Contains(e)
                || ConfigDocuments.Is(e, "connectionStrings") || ConfigDocuments.Is(e, "system.webServer")))
            {
                continue;
            }

            var path = element.Attributes()
                .Where(a => !a.IsNamespaceDeclaration)
                .Select(a => a.Value.Trim())
                .FirstOrDefault(ConfigPatterns.IsMachinePath);
            if (path is null && !element.HasElements && ConfigPatterns.IsMachinePath(element.Value.Trim()))
            {
                path = element.Value.Trim();
            }

            if (path is null)
            {
                continue;
            }

            var (name, configKey) = KeyOf(element);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HardCodedMachinePath,
                document.StartTag(element),
                ConfigDocuments.Properties(document.Symbol(element, name), configKey),
                path));
        }
    }

    /// <summary>appSettings entries as "appSettings:Key", Settings.settings values as "Section:Name".</summary>
    private static (string? Name, string? ConfigKey) KeyOf(XElement element)
    {
        if (element.Parent is { } parent && ConfigDocuments.Is(parent, "appSettings") && ConfigDocuments.Attribute(element, "key") is { } key)
        {
            return (key, "appSettings:" + key);
        }

        if (ConfigDocuments.Is(element, "value") && element.Parent is { } setting && ConfigDocuments.Is(setting, "setting")
            && ConfigDocuments.Attribute(setting, "name") is { } settingName)
        {
            return (settingName, setting.Parent is { } section ? section.Name.LocalName + ":" + settingName : settingName);
        }

        return (ConfigDocuments.Attribute(element, "name"), null);
    }

    private static void AnalyzeJson(AdditionalFileAnalysisContext context, JsonConfigDocument document)
    {
        var sinkEntries = ConfigPatterns.FileSinks(document).Select(s => s.EntryPath + ":").ToList();
        foreach (var value in document.Values)
        {
            if (!ConfigPatterns.IsMachinePath(value.Value.Trim())
                || ConfigPatterns.IsConnectionStringKey(value.Path)
                || sinkEntries.Any(entry => value.Path.StartsWith(entry, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.HardCodedMachinePath,
                document.Location(value),
                ConfigDocuments.Properties(document.Symbol(value), value.Path),
                value.Value.Trim()));
        }
    }

    private static void AnalyzeCode(CompilationStartAnalysisContext start)
    {
        var fileApis = KnownSymbols.Types(start.Compilation, FileApiTypes);
        if (fileApis.IsEmpty)
        {
            return;
        }

        start.RegisterOperationAction(
            context =>
            {
                var (method, arguments) = context.Operation switch
                {
                    IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                    IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                    _ => (null, ImmutableArray<IArgumentOperation>.Empty),
                };
                if (method?.ContainingType is not { } type || !type.IsOrInherits(fileApis))
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter is not { } parameter || !IsPathParameter(parameter))
                    {
                        continue;
                    }

                    var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
                        ? initializer.ElementValues
                        : ImmutableArray.Create(argument.Value);
                    foreach (var value in values)
                    {
                        if (LeadingText(value) is { } text && ConfigPatterns.IsMachinePath(text))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.HardCodedMachinePath,
                                value.Syntax.GetLocation(),
                                ConfigDocuments.Properties(method.QualifiedName()),
                                text));
                        }
                    }
                }
            },
            OperationKind.Invocation,
            OperationKind.ObjectCreation);
    }

    /// <summary>path, path1, paths, fileName, sourceFileName, destDirName...: not contents, searchPattern or encodings.</summary>
    internal static bool IsPathParameter(IParameterSymbol parameter)
    {
        var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
        return type.SpecialType == SpecialType.System_String
            && (parameter.Name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0
                || parameter.Name.EndsWith("FileName", StringComparison.OrdinalIgnoreCase)
                || parameter.Name.EndsWith("DirName", StringComparison.OrdinalIgnoreCase)
                || parameter.Name.EndsWith("DirectoryName", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The constant text a path starts with: a constant ("C:\Exports"), the left end of a concatenation
    /// (@"C:\Exports\" + name) or the first text of an interpolation ($@"\\fs01\scans\{id}.pdf"). The drive or
    /// share is fixed in code either way; what follows it does not matter.
    /// </summary>
    internal static string? LeadingText(IOperation value)
    {
        while (true)
        {
            if (value.ConstantValue is { HasValue: true, Value: string constant })
            {
                return constant;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Concatenate } binary:
                    value = binary.LeftOperand;
                    continue;
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.FirstOrDefault() is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }
                        ? text
                        : null;
                default:
                    return null;
            }
        }
    }
}
