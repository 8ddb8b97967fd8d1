using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>A matched file-system write: the API, and where its target path comes from.</summary>
internal sealed class FileWrite(ISymbol api, IOperation? receiver, IOperation? pathArgument, bool writesOwnConfig = false, bool iisPickupDirectory = false)
{
    /// <summary>Mail delivered to the IIS SMTP pickup folder (C:\inetpub\mailroot\Pickup by default), set on the IIS host.</summary>
    public bool WritesIisPickupDirectory { get; } = iisPickupDirectory;

    /// <summary>System.Configuration's Configuration.Save(): rewrites the application's own web.config / app.config.</summary>
    public bool WritesOwnConfig { get; } = writesOwnConfig;

    public ISymbol Api { get; } = api;

    /// <summary>The FileInfo/DirectoryInfo the write acts on, for instance members.</summary>
    public IOperation? Receiver { get; } = receiver;

    /// <summary>The argument naming the written path (joined to the receiver for CreateSubdirectory).</summary>
    public IOperation? PathArgument { get; } = pathArgument;

    /// <summary>"System.IO.File.WriteAllText"; the type name for constructors ("System.IO.FileStream").</summary>
    public string QualifiedName => Api is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        ? constructor.ContainingType.QualifiedName()
        : Api.QualifiedName();

    /// <summary>"File.WriteAllText", or "new FileStream" for constructors.</summary>
    public string ShortName => Api is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
        ? "new " + constructor.ContainingType.Name
        : Api.ShortName();
}

/// <summary>
/// The file-system write APIs of SL1001/SL1002/SL1004, resolved once per compilation. Each entry names the type,
/// the members and which parameter carries the written path (or that the receiver does: FileInfo.Delete()).
/// Overloads that take a Stream, TextWriter or XmlWriter instead of a path have no such parameter and do not match.
/// Property setters that change a file (FileInfo.Attributes, SmtpClient.PickupDirectoryLocation) are entries too.
/// </summary>
internal sealed class FileWriteCatalogue
{
    private const int FileModeOpen = 3;
    private const int FileAccessWrite = 2;
    private const int ZipArchiveModeRead = 0;
    private const int VisualBasicOpenModeInput = 1;
    private const int SmtpDeliveryPickupDirectoryFromIis = 2;

    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, Entry>> methods = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Entry> constructors = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, Entry>> properties = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? fileSystemInfoType;
    private readonly INamedTypeSymbol? smtpDeliveryMethodType;

    private FileWriteCatalogue(Compilation compilation)
    {
        fileSystemInfoType = KnownSymbols.Type(compilation, "System.IO.FileSystemInfo");
        smtpDeliveryMethodType = KnownSymbols.Type(compilation, "System.Net.Mail.SmtpDeliveryMethod");
        var pathParameter = new[] { "path" };
        var timeAndAttributeSetters = new[]
        {
            "SetCreationTime", "SetCreationTimeUtc", "SetLastAccessTime", "SetLastAccessTimeUtc", "SetLastWriteTime", "SetLastWriteTimeUtc",
            "SetUnixFileMode", "SetAccessControl", "CreateSymbolicLink",
        };
        Methods(compilation, "System.IO.File", Entry.Argument(pathParameter), timeAndAttributeSetters);
        Methods(compilation, "System.IO.File", Entry.Argument(pathParameter), "Encrypt", "Decrypt");
        Methods(compilation, "System.IO.Directory", Entry.Argument(pathParameter), timeAndAttributeSetters);
        Methods(compilation, "System.IO.FileSystemAclExtensions", Entry.Receiver(), "SetAccessControl");
        Methods(compilation, "System.IO.FileSystemInfo", Entry.Receiver(), "CreateAsSymbolicLink");
        Methods(compilation, "System.IO.FileInfo", Entry.Receiver(), "Encrypt", "Decrypt", "SetAccessControl");
        Methods(compilation, "System.IO.DirectoryInfo", Entry.Receiver(), "SetAccessControl");
        // Setting a file's times, attributes or mode changes the file on disk as surely as writing it.
        Properties(compilation, "System.IO.FileSystemInfo", Entry.Receiver(),
            "Attributes", "CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime", "LastWriteTimeUtc", "UnixFileMode");
        Properties(compilation, "System.IO.FileInfo", Entry.Receiver(), "IsReadOnly");

        // Mail "sent" to a pickup directory is a file written there for a local SMTP service to collect.
        Properties(compilation, "System.Net.Mail.SmtpClient", Entry.AssignedValue(), "PickupDirectoryLocation");
        Properties(compilation, "System.Net.Mail.SmtpClient", Entry.IisPickupDirectory(), "DeliveryMethod");

        Methods(compilation, "System.Xml.Xsl.XslCompiledTransform", Entry.Argument("resultsFile"), "Transform");

        // Lucene.Net keeps its index as files in the folder given to FSDirectory (3.x takes a DirectoryInfo, 4.8 also a string).
        Methods(compilation, "Lucene.Net.Store.FSDirectory", Entry.Argument(pathParameter), "Open");
        foreach (var luceneDirectory in new[] { "SimpleFSDirectory", "MMapDirectory", "NIOFSDirectory" })
        {
            Constructor(compilation, "Lucene.Net.Store." + luceneDirectory, Entry.Argument(pathParameter));
        }

        // DotNetZip and SharpZipLib, the zip libraries of pre-4.5 code.
        Methods(compilation, "Ionic.Zip.ZipFile", Entry.Argument("fileName"), "Save");
        Methods(compilation, "Ionic.Zip.ZipFile", Entry.Argument(pathParameter), "ExtractAll", "ExtractSelectedEntries");
        Methods(compilation, "Ionic.Zip.ZipEntry", Entry.Argument("baseDirectory"), "Extract", "ExtractWithPassword");
        Methods(compilation, "ICSharpCode.SharpZipLib.Zip.FastZip", Entry.Argument("zipFileName"), "CreateZip");
        Methods(compilation, "ICSharpCode.SharpZipLib.Zip.FastZip", Entry.Argument("targetDirectory"), "ExtractZip");

        Methods(compilation, "System.IO.File", Entry.Argument(pathParameter),
            "WriteAllText", "WriteAllBytes", "WriteAllLines", "AppendAllText", "AppendAllLines", "AppendAllBytes",
            "WriteAllTextAsync", "WriteAllBytesAsync", "WriteAllLinesAsync", "AppendAllTextAsync", "AppendAllLinesAsync", "AppendAllBytesAsync",
            "AppendText", "Create", "CreateText", "OpenWrite", "Delete", "SetAttributes");
        Methods(compilation, "System.IO.File", Entry.Argument("destFileName"), "Copy", "Move");
        Methods(compilation, "System.IO.File", Entry.Argument("destinationFileName"), "Replace");
        Methods(compilation, "System.IO.File", Entry.Argument(pathParameter).With(ModeCheck.FileMode), "Open", "OpenHandle");

        Methods(compilation, "System.IO.FileSystemInfo", Entry.Receiver(), "Delete");
        Methods(compilation, "System.IO.FileInfo", Entry.Receiver(), "Create", "CreateText", "AppendText", "OpenWrite", "Delete");
        Methods(compilation, "System.IO.FileInfo", Entry.Receiver().With(ModeCheck.FileMode), "Open");
        Methods(compilation, "System.IO.FileInfo", Entry.Argument("destFileName"), "CopyTo", "MoveTo");
        Methods(compilation, "System.IO.FileInfo", Entry.Argument("destinationFileName"), "Replace");

        Methods(compilation, "System.IO.Directory", Entry.Argument(pathParameter), "CreateDirectory", "Delete");
        Methods(compilation, "System.IO.Directory", Entry.Argument("destDirName"), "Move");
        Methods(compilation, "System.IO.DirectoryInfo", Entry.Receiver(), "Create", "Delete");
        Methods(compilation, "System.IO.DirectoryInfo", Entry.Receiver().WithParameters(pathParameter), "CreateSubdirectory");
        Methods(compilation, "System.IO.DirectoryInfo", Entry.Argument("destDirName"), "MoveTo");

        Methods(compilation, "System.Drawing.Image", Entry.Argument("filename"), "Save");
        // WebConfigurationManager.OpenWebConfiguration("~") ... config.Save(): installers and admin pages rewriting web.config.
        Methods(compilation, "System.Configuration.Configuration", Entry.ApplicationConfig(), "Save");
        Methods(compilation, "System.Configuration.Configuration", Entry.Argument("filename"), "SaveAs");
        Methods(compilation, "System.Web.Helpers.WebImage", Entry.Argument("filePath"), "Save");
        Methods(compilation, "SixLabors.ImageSharp.ImageExtensions", Entry.Argument(pathParameter),
            "Save", "SaveAsync", "SaveAsBmp", "SaveAsBmpAsync", "SaveAsGif", "SaveAsGifAsync", "SaveAsJpeg", "SaveAsJpegAsync",
            "SaveAsPng", "SaveAsPngAsync", "SaveAsTiff", "SaveAsTiffAsync", "SaveAsWebp", "SaveAsWebpAsync");
        Methods(compilation, "System.Net.WebClient", Entry.Argument("fileName"), "DownloadFile", "DownloadFileAsync", "DownloadFileTaskAsync");
        Methods(compilation, "System.Xml.XmlDocument", Entry.Argument("filename"), "Save");
        Methods(compilation, "System.Xml.Linq.XDocument", Entry.Argument("fileName"), "Save");
        Methods(compilation, "System.Xml.Linq.XElement", Entry.Argument("fileName"), "Save");
        Methods(compilation, "System.Xml.XmlWriter", Entry.Argument("outputFileName"), "Create");
        Methods(compilation, "System.Data.DataSet", Entry.Argument("fileName"), "WriteXml", "WriteXmlSchema");
        Methods(compilation, "System.Data.DataTable", Entry.Argument("fileName"), "WriteXml", "WriteXmlSchema");

        Methods(compilation, "System.IO.Compression.ZipFile", Entry.Argument("destinationArchiveFileName"), "CreateFromDirectory", "CreateFromDirectoryAsync");
        Methods(compilation, "System.IO.Compression.ZipFile", Entry.Argument("destinationDirectoryName"), "ExtractToDirectory", "ExtractToDirectoryAsync");
        Methods(compilation, "System.IO.Compression.ZipFile", Entry.Argument("archiveFileName").With(ModeCheck.ZipArchiveMode), "Open");
        Methods(compilation, "System.IO.Compression.ZipFileExtensions", Entry.Argument("destinationFileName"), "ExtractToFile", "ExtractToFileAsync");
        Methods(compilation, "System.IO.Compression.ZipFileExtensions", Entry.Argument("destinationDirectoryName"), "ExtractToDirectory", "ExtractToDirectoryAsync");

        // Visual Basic's My.Computer.FileSystem and the FileIO.FileSystem it wraps.
        foreach (var vbFileSystem in new[] { "Microsoft.VisualBasic.FileIO.FileSystem", "Microsoft.VisualBasic.MyServices.FileSystemProxy" })
        {
            Methods(compilation, vbFileSystem, Entry.Argument("file"), "WriteAllText", "WriteAllBytes", "DeleteFile", "OpenTextFileWriter");
            Methods(compilation, vbFileSystem, Entry.Argument("directory"), "CreateDirectory", "DeleteDirectory");
            Methods(compilation, vbFileSystem, Entry.Argument("destinationFileName"), "CopyFile", "MoveFile");
            Methods(compilation, vbFileSystem, Entry.Argument("destinationDirectoryName"), "CopyDirectory", "MoveDirectory");
        }

        // The classic Visual Basic file functions (FileOpen/Print/FileClose, Kill, MkDir) of VB6-era code.
        Methods(compilation, "Microsoft.VisualBasic.FileSystem", Entry.Argument("FileName").With(ModeCheck.VisualBasicOpenMode), "FileOpen");
        Methods(compilation, "Microsoft.VisualBasic.FileSystem", Entry.Argument("PathName"), "Kill");
        Methods(compilation, "Microsoft.VisualBasic.FileSystem", Entry.Argument("Path"), "MkDir", "RmDir");
        Methods(compilation, "Microsoft.VisualBasic.FileSystem", Entry.Argument("Destination"), "FileCopy");
        Methods(compilation, "Microsoft.VisualBasic.FileSystem", Entry.Argument("NewPath"), "Rename");

        // Office exports: ClosedXML's SaveAs(file) and the Open XML SDK's Create(path, type).
        Methods(compilation, "ClosedXML.Excel.XLWorkbook", Entry.Argument("file"), "SaveAs");
        foreach (var openXmlDocument in new[] { "SpreadsheetDocument", "WordprocessingDocument", "PresentationDocument" })
        {
            Methods(compilation, "DocumentFormat.OpenXml.Packaging." + openXmlDocument, Entry.Argument(pathParameter), "Create");
        }

        Constructor(compilation, "System.IO.FileStream", Entry.Argument(pathParameter).With(ModeCheck.FileMode));
        Constructor(compilation, "System.IO.StreamWriter", Entry.Argument(pathParameter));
        Constructor(compilation, "System.Xml.XmlTextWriter", Entry.Argument("filename"));
    }

    private enum ModeCheck
    {
        None,
        FileMode,
        ZipArchiveMode,
        VisualBasicOpenMode,
        IisPickupDirectory,
    }

    public static FileWriteCatalogue Create(Compilation compilation) => new(compilation);

    public FileWrite? Match(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                for (var type = invocation.TargetMethod.ContainingType; type is not null; type = type.BaseType)
                {
                    if (methods.TryGetValue(type.OriginalDefinition, out var byName) && byName.TryGetValue(invocation.TargetMethod.Name, out var entry))
                    {
                        return Bind(entry, invocation.TargetMethod, invocation.Instance, invocation.Arguments);
                    }
                }

                return null;
            case IAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } target } assignment:
                for (var type = property.ContainingType; type is not null; type = type.BaseType)
                {
                    if (properties.TryGetValue(type.OriginalDefinition, out var byName) && byName.TryGetValue(property.Name, out var entry))
                    {
                        return BindAssignment(entry, property, target.Instance, assignment.Value);
                    }
                }

                // Mail libraries wrap SmtpClient with settings of the same names (MarkdownMailer's MailSenderConfiguration,
                // a site's own SmtpSettings): a pickup folder given to any of them ends up in SmtpClient.
                if (property.Name == "PickupDirectoryLocation" && property.Type.SpecialType == SpecialType.System_String)
                {
                    return BindAssignment(Entry.AssignedValue(), property, target.Instance, assignment.Value);
                }

                if (property.Name == "DeliveryMethod" && smtpDeliveryMethodType is not null
                    && SymbolEqualityComparer.Default.Equals(property.Type, smtpDeliveryMethodType))
                {
                    return BindAssignment(Entry.IisPickupDirectory(), property, target.Instance, assignment.Value);
                }

                return null;
            case IObjectCreationOperation { Constructor: { } constructor } creation:
                for (var type = constructor.ContainingType; type is not null; type = type.BaseType)
                {
                    if (constructors.TryGetValue(type.OriginalDefinition, out var entry))
                    {
                        return Bind(entry, constructor, null, creation.Arguments);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static FileWrite? BindAssignment(Entry entry, IPropertySymbol property, IOperation? instance, IOperation value)
    {
        if (entry.Check == ModeCheck.IisPickupDirectory)
        {
            return IntConstant(value) == SmtpDeliveryPickupDirectoryFromIis ? new FileWrite(property, null, null, iisPickupDirectory: true) : null;
        }

        if (entry.UsesReceiver)
        {
            // new FileInfo(p) { IsReadOnly = true }: the receiver is the object being created.
            var receiver = instance is IInstanceReferenceOperation ? InitializedObject(instance) : instance;
            return receiver is null ? null : new FileWrite(property, receiver, null);
        }

        return new FileWrite(property, null, value);
    }

    private static IOperation? InitializedObject(IOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectCreationOperation creation)
            {
                return creation;
            }
        }

        return null;
    }

    private FileWrite? Bind(Entry entry, IMethodSymbol api, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
    {
        IOperation? path = null;
        if (entry.Parameters.Length > 0)
        {
            path = PathArgument(arguments, entry.Parameters);
            if (path is null)
            {
                return null;
            }
        }

        if (entry.UsesReceiver && instance is null)
        {
            return null;
        }

        if (!IsWrite(entry.Check, arguments))
        {
            return null;
        }

        return new FileWrite(api, entry.UsesReceiver ? instance : null, path, entry.OwnConfig);
    }

    /// <summary>The argument of a string parameter, or of a FileInfo/DirectoryInfo one (Lucene's FSDirectory.Open(DirectoryInfo)).</summary>
    private IOperation? PathArgument(ImmutableArray<IArgumentOperation> arguments, string[] names)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && System.Array.IndexOf(names, parameter.Name) >= 0
                && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type.IsOrInherits(fileSystemInfoType)))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// FileMode Create/CreateNew/Append/OpenOrCreate/Truncate or a FileAccess with Write is a write; FileMode.Open alone
    /// (read/write access by default, but used for reading in practice) and non-constant modes are not reported.
    /// </summary>
    private static bool IsWrite(ModeCheck check, ImmutableArray<IArgumentOperation> arguments)
    {
        switch (check)
        {
            case ModeCheck.FileMode:
                if (FilePathClassifier.ArgumentNamed(arguments, "options") is { } options)
                {
                    return OptionsWrite(options);
                }

                var access = IntConstant(FilePathClassifier.ArgumentNamed(arguments, "access"));
                var mode = IntConstant(FilePathClassifier.ArgumentNamed(arguments, "mode"));
                return (access is { } a && (a & FileAccessWrite) != 0) || (mode is { } m && m != FileModeOpen);
            case ModeCheck.VisualBasicOpenMode:
                return IntConstant(FilePathClassifier.ArgumentNamed(arguments, "Mode")) is { } openMode && openMode != VisualBasicOpenModeInput;
            case ModeCheck.ZipArchiveMode:
                return IntConstant(FilePathClassifier.ArgumentNamed(arguments, "mode")) is { } zipMode && zipMode != ZipArchiveModeRead;
            default:
                return true;
        }
    }

    /// <summary>new FileStreamOptions { Mode = ..., Access = ... } written inline or in a local; defaults are Open and Read.</summary>
    private static bool OptionsWrite(IOperation options)
    {
        while (options is IConversionOperation conversion)
        {
            options = conversion.Operand;
        }

        if (options is ILocalReferenceOperation local)
        {
            options = FilePathClassifier.LastValueOf(local) ?? options;
        }

        if (options is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return false;
        }

        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: var name } && IntConstant(assignment.Value) is { } value
                && ((name == "Mode" && value != FileModeOpen) || (name == "Access" && (value & FileAccessWrite) != 0)))
            {
                return true;
            }
        }

        return false;
    }

    private static int? IntConstant(IOperation? operation) =>
        operation?.ConstantValue is { HasValue: true, Value: { } value } && value is int or byte or short or long
            ? System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private void Methods(Compilation compilation, string metadataName, Entry entry, params string[] names)
    {
        foreach (var type in KnownSymbols.TypesNamed(compilation, metadataName))
        {
            if (!methods.TryGetValue(type, out var byName))
            {
                methods[type] = byName = new Dictionary<string, Entry>(System.StringComparer.Ordinal);
            }

            foreach (var name in names)
            {
                byName[name] = entry;
            }
        }
    }

    private void Properties(Compilation compilation, string metadataName, Entry entry, params string[] names)
    {
        foreach (var type in KnownSymbols.TypesNamed(compilation, metadataName))
        {
            if (!properties.TryGetValue(type, out var byName))
            {
                properties[type] = byName = new Dictionary<string, Entry>(System.StringComparer.Ordinal);
            }

            foreach (var name in names)
            {
                byName[name] = entry;
            }
        }
    }

    private void Constructor(Compilation compilation, string metadataName, Entry entry)
    {
        foreach (var type in KnownSymbols.TypesNamed(compilation, metadataName))
        {
            constructors[type] = entry;
        }
    }

    private sealed class Entry(string[] parameters, bool usesReceiver, ModeCheck check, bool ownConfig = false)
    {
        public bool OwnConfig { get; } = ownConfig;

        public string[] Parameters { get; } = parameters;

        public bool UsesReceiver { get; } = usesReceiver;

        public ModeCheck Check { get; } = check;

        public static Entry Argument(params string[] parameters) => new(parameters, false, ModeCheck.None);

        public static Entry Receiver() => new(System.Array.Empty<string>(), true, ModeCheck.None);

        /// <summary>A property whose assigned value is the written path (SmtpClient.PickupDirectoryLocation).</summary>
        public static Entry AssignedValue() => new(System.Array.Empty<string>(), false, ModeCheck.None);

        /// <summary>SmtpClient.DeliveryMethod set to PickupDirectoryFromIis: mail goes to the IIS SMTP service's folder.</summary>
        public static Entry IisPickupDirectory() => new(System.Array.Empty<string>(), false, ModeCheck.IisPickupDirectory);

        public static Entry ApplicationConfig() => new(System.Array.Empty<string>(), false, ModeCheck.None, ownConfig: true);

        public Entry With(ModeCheck modeCheck) => new(Parameters, UsesReceiver, modeCheck);

        public Entry WithParameters(params string[] names) => new(names, UsesReceiver, Check);
    }
}
