using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StateLens.Rules.Shared;

/// <summary>How a piece of state is changed at one site.</summary>
internal enum StateChangeKind
{
    /// <summary>The field or auto-property itself is assigned (=, +=, ++, ??=, deconstruction, ref/out argument, ReDim).</summary>
    Write,

    /// <summary>A mutating member of the collection it holds is called (Add, Remove, indexer set...).</summary>
    Mutation,
}

/// <summary>One run-time change of a field or auto-property: which, how, by which member, where.</summary>
internal sealed class StateChange(
    ISymbol state, StateChangeKind kind, ISymbol writer, Location location, IMethodSymbol? method = null, bool isMemoisation = false, bool isHelperAssignment = false)
{
    /// <summary>The field or auto-property that changes.</summary>
    public ISymbol State { get; } = state;

    public StateChangeKind Kind { get; } = kind;

    /// <summary>The member whose code makes the change (a property for accessor code).</summary>
    public ISymbol Writer { get; } = writer;

    public Location Location { get; } = location;

    /// <summary>The method whose body makes the change; null inside lambdas and local functions (they run later).</summary>
    public IMethodSymbol? Method { get; } = method;

    /// <summary>
    /// A lazy first assignment (<c>if (_x == null) _x = Build()</c>, <c>??=</c>, <c>LazyInitializer.EnsureInitialized</c>):
    /// memoisation, unless the same state is also changed some other way (reset, reassigned, mutated).
    /// </summary>
    public bool IsMemoisation { get; } = isMemoisation;

    /// <summary>
    /// A plain non-null assignment in a private method of the state's own type (<c>void Init() { _factory = Build(); }</c>):
    /// memoisation when every call of that method is null-guarded on the state's type (<c>if (_factory == null) Init();</c>).
    /// </summary>
    public bool IsHelperAssignment { get; } = isHelperAssignment;

    public StateChange WithState(ISymbol newState) => new(newState, Kind, Writer, Location, Method, IsMemoisation, IsHelperAssignment);
}

/// <summary>
/// Collects, for one compilation, every run-time change of fields and auto-properties declared in its source:
/// assignments and collection mutations outside the places where state is merely initialised (static
/// constructors and initialisers for static members; instance constructors, initialisers and object
/// initialisers for instance members; Dispose; application start-up code). Register it in a compilation-start
/// action and read it in a compilation-end action. Language-neutral: IOperation and symbols only.
/// </summary>
/// <remarks>
/// Collecting from operation actions (instead of walking each type's bodies through a semantic model) sees
/// writes from any type, runs under concurrent execution, and avoids RS1030.
/// </remarks>
internal sealed class MutableStateInspector
{
    /// <summary>Mutable collection types: a static or singleton field of these holds state when a mutating member is called.</summary>
    private static readonly string[] CollectionTypeNames =
    {
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.Concurrent.ConcurrentQueue`1",
        "System.Collections.Concurrent.ConcurrentStack`1",
        "System.Collections.Concurrent.BlockingCollection`1",
        "System.Collections.Hashtable",
        "System.Collections.ArrayList",
        "System.Collections.SortedList",
        "System.Collections.Queue",
        "System.Collections.Stack",
        "System.Collections.Specialized.NameValueCollection",
        "System.Collections.Specialized.HybridDictionary",
        "System.Collections.Specialized.ListDictionary",
        "System.Collections.Specialized.OrderedDictionary",
        "System.Collections.Specialized.StringCollection",
        "System.Collections.Specialized.StringDictionary",
        "System.Collections.ObjectModel.Collection`1",
        "System.Collections.ObjectModel.ObservableCollection`1",
    };

    /// <summary>
    /// Interfaces that count only when they are the declared type of the field: the mutating call decides.
    /// (Read-only interfaces such as IReadOnlyDictionary are deliberately absent.)
    /// </summary>
    private static readonly string[] CollectionInterfaceNames =
    {
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.ISet`1",
        "System.Collections.IDictionary",
        "System.Collections.IList",
    };

    private static readonly ImmutableHashSet<string> MutatingMembers = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Add", "AddRange", "TryAdd", "AddOrUpdate", "GetOrAdd", "Remove", "RemoveAt", "RemoveAll", "RemoveRange",
        "RemoveWhere", "TryRemove", "TryUpdate", "Clear", "Insert", "InsertRange", "Enqueue", "TryDequeue", "Dequeue",
        "Push", "PushRange", "Pop", "TryPop", "TryPopRange", "TryTake", "Take", "Set", "Sort", "Reverse",
        "AddFirst", "AddLast", "AddBefore", "AddAfter", "RemoveFirst", "RemoveLast",
        "UnionWith", "ExceptWith", "IntersectWith", "SymmetricExceptWith", "Move", "SetItem");

    private static readonly ImmutableArray<OperationKind> Kinds = ImmutableArray.Create(
        OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.Invocation, OperationKind.MethodReference);

    private readonly Compilation compilation;
    private readonly ImmutableHashSet<INamedTypeSymbol> collectionTypes;
    private readonly ImmutableHashSet<INamedTypeSymbol> collectionInterfaces;
    private readonly ImmutableHashSet<INamedTypeSymbol> startupParameterTypes;
    private readonly INamedTypeSymbol? interlocked;
    private readonly INamedTypeSymbol? volatileType;
    private readonly INamedTypeSymbol? lazyInitializer;
    private readonly INamedTypeSymbol? lazy;
    private readonly INamedTypeSymbol? aspNetCore;
    private readonly ImmutableHashSet<IMethodSymbol> assemblyStartMethods;
    private readonly ConcurrentBag<StateChange> changes = new();
    private readonly ConcurrentBag<(IFieldSymbol Field, IPropertySymbol Setter)> setterWrites = new();

    /// <summary>Every call or method-group use of a source method: the calling method, or null when not a plain method body.</summary>
    private readonly ConcurrentBag<(IMethodSymbol Callee, IMethodSymbol? Caller, bool InInitializer)> calls = new();

    /// <summary>Every call or method-group use of a private source method, with the fields whose null checks guard the call (empty when unguarded).</summary>
    private readonly ConcurrentBag<(IMethodSymbol Callee, ImmutableArray<IFieldSymbol> Guards)> privateCalls = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<IPropertySymbol, IFieldSymbol>> autoProperties =
        new(SymbolEqualityComparer.Default);

    private Snapshot? snapshot;

    private MutableStateInspector(Compilation compilation)
    {
        this.compilation = compilation;
        collectionTypes = KnownSymbols.Types(compilation, CollectionTypeNames);
        collectionInterfaces = KnownSymbols.Types(compilation, CollectionInterfaceNames);
        startupParameterTypes = KnownSymbols.Types(
            compilation,
            "Microsoft.Extensions.DependencyInjection.IServiceCollection",
            "Microsoft.AspNetCore.Builder.IApplicationBuilder",
            "Owin.IAppBuilder");
        interlocked = KnownSymbols.Type(compilation, "System.Threading.Interlocked");
        volatileType = KnownSymbols.Type(compilation, "System.Threading.Volatile");
        lazyInitializer = KnownSymbols.Type(compilation, "System.Threading.LazyInitializer");
        lazy = KnownSymbols.Type(compilation, "System.Lazy`1");
        aspNetCore = KnownSymbols.Type(compilation, "Microsoft.AspNetCore.Builder.IApplicationBuilder");
        assemblyStartMethods = AssemblyStartMethods(compilation);
    }

    /// <summary>
    /// Methods the assembly names as its start-up, run once per process before (or right after) Application_Start:
    /// <c>[assembly: PreApplicationStartMethod(typeof(T), "Start")]</c> of System.Web, and WebActivator's
    /// Pre/PostApplicationStartMethod, which MVC 5 templates use to build the DI container.
    /// </summary>
    private static ImmutableHashSet<IMethodSymbol> AssemblyStartMethods(Compilation compilation)
    {
        var attributes = KnownSymbols.Types(
            compilation,
            "System.Web.PreApplicationStartMethodAttribute",
            "WebActivatorEx.PreApplicationStartMethodAttribute",
            "WebActivatorEx.PostApplicationStartMethodAttribute",
            "WebActivator.PreApplicationStartMethodAttribute",
            "WebActivator.PostApplicationStartMethodAttribute");
        if (attributes.IsEmpty)
        {
            return ImmutableHashSet<IMethodSymbol>.Empty;
        }

        var methods = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { } type && attributes.Contains(type.OriginalDefinition)
                && attribute.ConstructorArguments.Length >= 2
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol owner
                && attribute.ConstructorArguments[1].Value is string name)
            {
                foreach (var method in owner.GetMembers(name).OfType<IMethodSymbol>())
                {
                    methods.Add(method.OriginalDefinition);
                }
            }
        }

        return methods.ToImmutable();
    }

    /// <summary>Creates an inspector for the compilation and registers the operation action that feeds it.</summary>
    public static MutableStateInspector Register(CompilationStartAnalysisContext context)
    {
        var inspector = new MutableStateInspector(context.Compilation);
        context.RegisterOperationAction(inspector.Analyze, Kinds);
        return inspector;
    }

    /// <summary>System.Lazy`1, when the compilation references it.</summary>
    public INamedTypeSymbol? LazyType => lazy;

    /// <summary>
    /// Every change of a static field or static auto-property. Call only from a compilation-end action.
    /// Writes made through a static property's setter are attributed to the field the setter assigns.
    /// </summary>
    public IReadOnlyDictionary<ISymbol, ImmutableArray<StateChange>> StaticChanges => GetSnapshot().Static;

    /// <summary>
    /// Names of the instance fields and auto-properties of <paramref name="type"/> (and of its base types in this
    /// compilation) that change at run time, sorted. Empty when the type carries no mutable instance state.
    /// Call only from a compilation-end action.
    /// </summary>
    public ImmutableArray<string> MutableInstanceMembers(INamedTypeSymbol type)
    {
        var byType = GetSnapshot().InstanceByType;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type.OriginalDefinition; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            if (!IsFromSource(current))
            {
                break;
            }

            if (byType.TryGetValue(current, out var members))
            {
                names.UnionWith(members);
            }
        }

        return names.ToImmutableArray();
    }

    /// <summary>
    /// As <see cref="MutableInstanceMembers(INamedTypeSymbol)"/>, counting only the changes <paramref name="counts"/> accepts
    /// (for types with an initialisation method of their own, such as a provider's Initialize).
    /// </summary>
    public ImmutableArray<string> MutableInstanceMembers(INamedTypeSymbol type, Func<StateChange, bool> counts)
    {
        var byType = GetSnapshot().InstanceChanges;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type.OriginalDefinition; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            if (!IsFromSource(current))
            {
                break;
            }

            if (byType.TryGetValue(current, out var changes))
            {
                names.UnionWith(changes.Where(counts).Select(c => c.State.Name));
            }
        }

        return names.ToImmutableArray();
    }

    /// <summary>True when the declared type of a field or property is a mutable collection or cache.</summary>
    public bool IsMutableCollection(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        return collectionInterfaces.Contains(named.OriginalDefinition) || named.IsOrInherits(collectionTypes) && named.TypeKind != TypeKind.Interface;
    }

    /// <summary>The field behind an auto-property (C# and VB), or null for a property with hand-written accessors.</summary>
    public IFieldSymbol? BackingField(IPropertySymbol property)
    {
        var type = property.ContainingType.OriginalDefinition;
        var map = autoProperties.GetOrAdd(type, t => t.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.AssociatedSymbol is IPropertySymbol)
            .ToImmutableDictionary<IFieldSymbol, IPropertySymbol, IFieldSymbol>(f => (IPropertySymbol)f.AssociatedSymbol!, f => f, SymbolEqualityComparer.Default));
        return map.TryGetValue(property.OriginalDefinition, out var field) ? field : null;
    }

    public bool IsFromSource(ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, compilation.Assembly) && symbol.Locations.Any(l => l.IsInSource);

    private void Analyze(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IFieldReferenceOperation fieldReference:
                AnalyzeFieldWrite(context, fieldReference);
                break;
            case IPropertyReferenceOperation propertyReference:
                AnalyzePropertyReference(context, propertyReference);
                break;
            case IInvocationOperation invocation:
                RecordCall(context, invocation, invocation.TargetMethod);
                AnalyzeInvocation(context, invocation);
                break;
            case IMethodReferenceOperation methodReference:
                // A method group becomes a delegate that can run at any time: never start-up only.
                RecordCall(context, null, methodReference.Method);
                break;
        }
    }

    private void AnalyzeFieldWrite(OperationAnalysisContext context, IFieldReferenceOperation reference)
    {
        var field = reference.Field.OriginalDefinition;
        if (field.IsConst || field.AssociatedSymbol is IEventSymbol || !IsWriteTarget(reference) || !IsFromSource(field))
        {
            return;
        }

        ISymbol state = field.AssociatedSymbol is IPropertySymbol autoProperty ? autoProperty : field;
        if (IsInitialization(context, reference, state, out var insideFunction)
            || IsLazySelfInitialization(reference, field)
            || IsLazyConstruction(reference, field)
            || IsInitializationLatch(reference, field)
            || IsLifecycleFlag(reference, field)
            || IsTeardown(context, reference))
        {
            return;
        }

        // A hand-written setter that stores into a field of its own type: the property's callers decide.
        if (!insideFunction
            && context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertySet, AssociatedSymbol: IPropertySymbol setter }
            && setter.IsStatic == field.IsStatic
            && SymbolEqualityComparer.Default.Equals(setter.ContainingType.OriginalDefinition, field.ContainingType))
        {
            setterWrites.Add((field, setter.OriginalDefinition));
            return;
        }

        var method = PlainMethod(context, insideFunction);
        changes.Add(new StateChange(
            state, StateChangeKind.Write, Writer(context.ContainingSymbol), reference.Syntax.GetLocation(), method, IsLazyAssignment(reference, field),
            IsHelperAssignment(reference, field, method)));
    }

    /// <summary>A plain non-null assignment in a private ordinary method of the field's own type, outside lambdas: a candidate initialisation helper.</summary>
    private static bool IsHelperAssignment(IFieldReferenceOperation reference, IFieldSymbol field, IMethodSymbol? method) =>
        method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Private }
        && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, field.ContainingType.OriginalDefinition)
        && reference.Parent is ISimpleAssignmentOperation assignment
        && !IsNull(Unwrap(assignment.Value));

    private void AnalyzePropertyReference(OperationAnalysisContext context, IPropertyReferenceOperation reference)
    {
        var property = reference.Property.OriginalDefinition;
        if (!IsWriteTarget(reference))
        {
            return;
        }

        if (property.Parameters.Length > 0)
        {
            // Indexer set: a mutation of the collection the receiver holds.
            if (CollectionHolder(reference.Instance) is { } holder)
            {
                RecordMutation(context, reference, holder);
            }

            return;
        }

        if (!IsFromSource(property) || property.SetMethod is { IsInitOnly: true })
        {
            return;
        }

        // Object initializers (new Settings { Port = 80 }) construct; they do not change shared state.
        if (reference.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return;
        }

        if (IsInitialization(context, reference, property, out var insideFunction))
        {
            return;
        }

        changes.Add(new StateChange(property, StateChangeKind.Write, Writer(context.ContainingSymbol), reference.Syntax.GetLocation(), PlainMethod(context, insideFunction)));
    }

    private void AnalyzeInvocation(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!MutatingMembers.Contains(method.Name))
        {
            return;
        }

        var receiver = invocation.Instance
            ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
        if (CollectionHolder(receiver) is { } holder)
        {
            RecordMutation(context, invocation, holder);
        }
    }

    private void RecordMutation(OperationAnalysisContext context, IOperation site, ISymbol holder)
    {
        if (IsInitialization(context, site, holder, out var insideFunction))
        {
            return;
        }

        changes.Add(new StateChange(holder, StateChangeKind.Mutation, Writer(context.ContainingSymbol), site.Syntax.GetLocation(), PlainMethod(context, insideFunction)));
    }

    private static IMethodSymbol? PlainMethod(OperationAnalysisContext context, bool insideFunction) =>
        insideFunction ? null : context.ContainingSymbol as IMethodSymbol;

    private void RecordCall(OperationAnalysisContext context, IOperation? invocation, IMethodSymbol target)
    {
        var callee = target.OriginalDefinition;
        if (callee.MethodKind != MethodKind.Ordinary || !IsFromSource(callee))
        {
            return;
        }

        IMethodSymbol? caller = null;
        var inInitializer = false;
        if (invocation is not null && !IsInsideFunction(invocation))
        {
            caller = (context.ContainingSymbol as IMethodSymbol)?.OriginalDefinition;

            // A static field or property initialiser runs once, like the static constructor.
            inInitializer = context.ContainingSymbol is IFieldSymbol { IsStatic: true } or IPropertySymbol { IsStatic: true };
        }

        calls.Add((callee, caller, inInitializer));
        if (callee.DeclaredAccessibility == Accessibility.Private)
        {
            privateCalls.Add((callee, invocation is null ? ImmutableArray<IFieldSymbol>.Empty : NullGuards(invocation)));
        }
    }

    /// <summary>
    /// The fields whose null check guards <paramref name="site"/>: <c>if (_f == null) Init();</c>, also double-checked under a
    /// lock. Empty when the site sits in a lambda or local function (it runs later, unguarded).
    /// </summary>
    private static ImmutableArray<IFieldSymbol> NullGuards(IOperation site)
    {
        var guards = ImmutableArray.CreateBuilder<IFieldSymbol>();
        bool Collect(IOperation operation)
        {
            if (Unwrap(operation) is IFieldReferenceOperation guard)
            {
                guards.Add(guard.Field.OriginalDefinition);
                return true;
            }

            return false;
        }

        IOperation child = site;
        for (var current = site.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return ImmutableArray<IFieldSymbol>.Empty;
                case IConditionalOperation conditional when conditional.WhenTrue == child:
                    IsNullCheck(conditional.Condition, Collect);
                    break;
            }
        }

        return guards.ToImmutable();
    }

    /// <summary>
    /// True when <paramref name="change"/> is a helper assignment and every use of its helper is a call null-guarded by a
    /// field of the state's type and staticness: the helper only ever fills the field while it is still empty.
    /// </summary>
    private static bool IsGuardedHelperAssignment(StateChange change, IReadOnlyDictionary<IMethodSymbol, List<ImmutableArray<IFieldSymbol>>> guardsByHelper) =>
        change.IsHelperAssignment
        && change.Method is { } helper
        && guardsByHelper.TryGetValue(helper.OriginalDefinition, out var uses)
        && uses.All(guards => guards.Any(g => g.IsStatic == change.State.IsStatic
            && SymbolEqualityComparer.Default.Equals(g.ContainingType.OriginalDefinition, change.State.ContainingType.OriginalDefinition)));

    private static bool IsInsideFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Source methods that only ever run as part of start-up: every call comes from start-up code (see
    /// <see cref="IsStartup"/>), a static constructor, or another such method, and the method is never used as a
    /// delegate, overridden or reached through an interface. <c>SiteSettings.Load()</c> called from Application_Start
    /// configures every replica alike.
    /// </summary>
    private HashSet<IMethodSymbol> StartupOnlyMethods()
    {
        var callers = new Dictionary<IMethodSymbol, List<(IMethodSymbol? Caller, bool InInitializer)>>(SymbolEqualityComparer.Default);
        foreach (var (callee, caller, inInitializer) in calls)
        {
            if (!callers.TryGetValue(callee, out var list))
            {
                callers[callee] = list = new List<(IMethodSymbol?, bool)>();
            }

            list.Add((caller, inInitializer));
        }

        var result = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var candidates = callers.Where(pair => IsPlainCallee(pair.Key)).ToList();
        bool added;
        do
        {
            added = false;
            foreach (var pair in candidates)
            {
                if (!result.Contains(pair.Key)
                    && pair.Value.All(call => call.InInitializer
                        || call.Caller is { } caller
                        && (caller.MethodKind == MethodKind.StaticConstructor || IsStartupCaller(caller) || result.Contains(caller))))
                {
                    result.Add(pair.Key);
                    added = true;
                }
            }
        }
        while (added);

        return result;
    }

    /// <summary>
    /// Instance methods that only ever run while an object is being constructed: every call comes from a constructor of
    /// their type (or a derived one) or from another such method. <c>ExtensionLocations()</c> calling <c>Init(config)</c>
    /// initialises, as the constructor body would. Virtual methods qualify (calls bind to the virtual declaration, so
    /// every call is seen); overrides, abstract methods and interface implementations do not (calls reach them unseen).
    /// </summary>
    private HashSet<IMethodSymbol> ConstructorOnlyMethods()
    {
        var callers = new Dictionary<IMethodSymbol, List<IMethodSymbol?>>(SymbolEqualityComparer.Default);
        foreach (var (callee, caller, _) in calls)
        {
            if (!callee.IsStatic)
            {
                if (!callers.TryGetValue(callee, out var list))
                {
                    callers[callee] = list = new List<IMethodSymbol?>();
                }

                list.Add(caller);
            }
        }

        var result = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var candidates = callers.Where(pair => !pair.Key.IsOverride && !pair.Key.IsAbstract && IsPlainCallee(pair.Key) || pair.Key.IsVirtual && !ImplementsInterface(pair.Key)).ToList();
        bool added;
        do
        {
            added = false;
            foreach (var pair in candidates)
            {
                if (!result.Contains(pair.Key)
                    && pair.Value.All(caller => caller is not null
                        && (caller.MethodKind == MethodKind.Constructor && caller.ContainingType.OriginalDefinition.IsOrInherits(pair.Key.ContainingType.OriginalDefinition)
                            || result.Contains(caller))))
                {
                    result.Add(pair.Key);
                    added = true;
                }
            }
        }
        while (added);

        return result;
    }

    private static bool ImplementsInterface(IMethodSymbol method)
    {
        if (!method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return true;
        }

        var type = method.ContainingType;
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Start-up code whose callees are start-up only too. Main counts only in ASP.NET Core applications: in a console
    /// program or Windows service, Main is the whole program, not its start-up.
    /// </summary>
    private bool IsStartupCaller(IMethodSymbol caller) =>
        IsStartup(caller) && (caller.Name is not ("Main" or "<Main>$") || aspNetCore is not null);

    private static bool IsPlainCallee(IMethodSymbol method)
    {
        if (method.IsVirtual || method.IsOverride || method.IsAbstract || !method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return false;
        }

        if (method.IsStatic)
        {
            return true;
        }

        var type = method.ContainingType;
        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The source field or auto-property of a mutable collection type that <paramref name="receiver"/> reads, if any.</summary>
    private ISymbol? CollectionHolder(IOperation? receiver)
    {
        // (_pages ??= new List<string>()).Add(page) fills the field it has just created.
        while (receiver is IConversionOperation or IParenthesizedOperation or ICoalesceAssignmentOperation)
        {
            receiver = receiver switch
            {
                IConversionOperation conversion => conversion.Operand,
                ICoalesceAssignmentOperation coalesce => coalesce.Target,
                _ => ((IParenthesizedOperation)receiver).Operand,
            };
        }

        switch (receiver)
        {
            case IFieldReferenceOperation fieldReference:
                var field = fieldReference.Field.OriginalDefinition;
                if (!IsMutableCollection(field.Type) || !IsFromSource(field))
                {
                    return null;
                }

                return field.AssociatedSymbol is IPropertySymbol autoProperty ? autoProperty : field;
            case IPropertyReferenceOperation { Property.Parameters.Length: 0 } propertyReference:
                var property = propertyReference.Property.OriginalDefinition;
                return IsMutableCollection(property.Type) && IsFromSource(property) && BackingField(property) is not null ? property : null;
            default:
                return null;
        }
    }

    /// <summary>True when the reference is the target of an assignment, increment, deconstruction, ReDim, or a ref/out argument.</summary>
    private bool IsWriteTarget(IOperation reference)
    {
        var parent = reference.Parent;
        switch (parent)
        {
            case IAssignmentOperation assignment:
                return assignment.Target == reference;
            case IIncrementOrDecrementOperation increment:
                return increment.Target == reference;
            case IReDimClauseOperation clause:
                return clause.Operand == reference;
            case IArgumentOperation argument:
                return IsWritingArgument(argument);
            case ITupleOperation:
                IOperation tuple = parent;
                while (tuple.Parent is ITupleOperation outer)
                {
                    tuple = outer;
                }

                return tuple.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == tuple;
            default:
                return false;
        }
    }

    private bool IsWritingArgument(IArgumentOperation argument)
    {
        if (argument.Parameter is not { } parameter || parameter.RefKind is not (RefKind.Ref or RefKind.Out))
        {
            return false;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        var type = method?.ContainingType.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(type, interlocked) && method!.Name == "Read"
            || SymbolEqualityComparer.Default.Equals(type, volatileType) && method!.Name == "Read")
        {
            return false;
        }

        // VB passes fields ByRef implicitly and legacy VB declares ByRef by habit; only out parameters and
        // the APIs whose whole point is to write through the reference count there.
        if (argument.Language == LanguageNames.VisualBasic && parameter.RefKind == RefKind.Ref)
        {
            return SymbolEqualityComparer.Default.Equals(type, interlocked)
                || SymbolEqualityComparer.Default.Equals(type, volatileType)
                || SymbolEqualityComparer.Default.Equals(type, lazyInitializer)
                || method?.ContainingType.SpecialType == SpecialType.System_Array;
        }

        return true;
    }

    /// <summary>
    /// True where a change only initialises the state: the static constructor or initialisers of the declaring type
    /// (static state); its constructors or initialisers (instance state); Dispose; application start-up code.
    /// Code inside lambdas and local functions runs later and never counts as initialisation.
    /// </summary>
    private bool IsInitialization(OperationAnalysisContext context, IOperation site, ISymbol state, out bool insideFunction)
    {
        insideFunction = false;
        for (var current = site.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                insideFunction = true;
                return false;
            }
        }

        var declaringType = state.ContainingType.OriginalDefinition;
        var containing = context.ContainingSymbol;
        if (containing is IFieldSymbol or IPropertySymbol)
        {
            return containing.IsStatic == state.IsStatic
                && SymbolEqualityComparer.Default.Equals(containing.ContainingType.OriginalDefinition, declaringType);
        }

        if (containing is not IMethodSymbol method)
        {
            return false;
        }

        if (IsStartup(method))
        {
            return true;
        }

        if (state.IsStatic)
        {
            return method.MethodKind == MethodKind.StaticConstructor
                && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, declaringType);
        }

        return method.MethodKind == MethodKind.Constructor && method.ContainingType.OriginalDefinition.IsOrInherits(declaringType)
            || method.Name is "Dispose" or "DisposeAsync";
    }

    /// <summary>
    /// Code that runs once per process at start-up and configures it the same way on every replica:
    /// Main (and top-level statements), Global.asax Application_Start, methods that receive IServiceCollection,
    /// IApplicationBuilder or OWIN's IAppBuilder, the ASP.NET Core Startup constructor, and the methods an assembly-level
    /// PreApplicationStartMethod (System.Web, WebActivator) names.
    /// </summary>
    private bool IsStartup(IMethodSymbol method)
    {
        if (method.IsStatic && method.Name is "Main" or "<Main>$")
        {
            return true;
        }

        if (method.Name is "Application_Start" or "Application_OnStart"
            || method.MethodKind == MethodKind.Constructor && method.ContainingType.Name == "Startup"
            || assemblyStartMethods.Contains(method.OriginalDefinition))
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol type && startupParameterTypes.Contains(type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The hand-rolled singleton's lazy creation of its own instance (<c>_instance = new T()</c>, <c>??=</c>,
    /// Interlocked.CompareExchange, LazyInitializer.EnsureInitialized): the singleton rule's business, not a state write.
    /// </summary>
    private bool IsLazySelfInitialization(IFieldReferenceOperation reference, IFieldSymbol field)
    {
        if (!field.IsStatic || !IsOwnType(field.Type, field.ContainingType))
        {
            return false;
        }

        switch (reference.Parent)
        {
            case IAssignmentOperation assignment:
                var value = assignment is IDeconstructionAssignmentOperation ? null : assignment.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                return value is IObjectCreationOperation;
            case IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method }:
                var type = method.ContainingType.OriginalDefinition;
                return SymbolEqualityComparer.Default.Equals(type, interlocked) && method.Name == "CompareExchange"
                    || SymbolEqualityComparer.Default.Equals(type, lazyInitializer);
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>_client ??= new HttpClient()</c>, <c>if (_x == null) _x = new X()</c>, <c>_x ?? (_x = new X())</c>: an object
    /// created once on first use is construction, like an initialiser. Data loaded lazily (<c>_x = repo.Load()</c>) still counts,
    /// and a lazily created collection that is then filled is still reported through its mutations.
    /// </summary>
    private bool IsLazyConstruction(IFieldReferenceOperation reference, IFieldSymbol field) =>
        reference.Parent is IAssignmentOperation assignment and not IDeconstructionAssignmentOperation
        && Unwrap(assignment.Value) is IObjectCreationOperation
        && IsLazyAssignment(reference, field);

    /// <summary>
    /// The field is assigned only when it is still null: <c>??=</c>, <c>_x ?? (_x = ...)</c>, <c>if (_x == null) _x = ...</c>
    /// (also inside a lock, double-checked), <c>LazyInitializer.EnsureInitialized(ref _x, ...)</c> or
    /// <c>Interlocked.CompareExchange(ref _x, value, null)</c>.
    /// </summary>
    private bool IsLazyAssignment(IFieldReferenceOperation reference, IFieldSymbol field)
    {
        if (reference.Parent is IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method } argument)
        {
            var type = method.ContainingType.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(type, lazyInitializer)
                || SymbolEqualityComparer.Default.Equals(type, interlocked) && method.Name == "CompareExchange"
                    && argument.Parent is IInvocationOperation { Arguments.Length: 3 } invocation
                    && invocation.Arguments.Any(a => a.Parameter?.Ordinal == 2 && IsNull(a.Value));
        }

        return IsNullGuardedAssignment(reference, field);
    }

    private static bool IsNullGuardedAssignment(IFieldReferenceOperation reference, IFieldSymbol field)
    {
        if (reference.Parent is not IAssignmentOperation assignment || assignment is IDeconstructionAssignmentOperation or ICompoundAssignmentOperation
            || IsNull(Unwrap(assignment.Value)))
        {
            return false;
        }

        if (assignment is ICoalesceAssignmentOperation)
        {
            return true;
        }

        // A lazy-initialisation block may fill several fields under one guard: if (_buildNumber == null) { _buildNumber = ...; _buildId = ...; }
        bool ReadsGuard(IOperation operation) =>
            Unwrap(operation) is IFieldReferenceOperation guard
            && guard.Field.IsStatic == field.IsStatic
            && SymbolEqualityComparer.Default.Equals(guard.Field.ContainingType.OriginalDefinition, field.ContainingType.OriginalDefinition);

        IOperation child = assignment;
        for (var current = assignment.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case ICoalesceOperation coalesce when coalesce.WhenNull == child && ReadsField(coalesce.Value, field):
                    return true;
                case IConditionalOperation conditional when conditional.WhenTrue == child && IsNullCheck(conditional.Condition, ReadsGuard):
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>x == null</c>, <c>x is null</c>, <c>string.IsNullOrEmpty(x)</c> (or WhiteSpace), or a conjunction with one of them.</summary>
    private static bool IsNullCheck(IOperation condition, Func<IOperation, bool> readsGuard)
    {
        condition = Unwrap(condition);
        return condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.ObjectValueEquals } binary =>
                readsGuard(binary.LeftOperand) && IsNull(binary.RightOperand)
                || readsGuard(binary.RightOperand) && IsNull(binary.LeftOperand),
            IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both =>
                IsNullCheck(both.LeftOperand, readsGuard) || IsNullCheck(both.RightOperand, readsGuard),
            IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern =>
                readsGuard(pattern.Value) && IsNull(constant.Value),
            IInvocationOperation { TargetMethod: { Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: 1 } invocation =>
                readsGuard(invocation.Arguments[0].Value),
            _ => false,
        };
    }

    private static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

    private static bool ReadsField(IOperation operation, IFieldSymbol field) =>
        Unwrap(operation) is IFieldReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Field.OriginalDefinition, field);

    /// <summary>
    /// A bool set only to <c>true</c> and named as a one-time set-up flag (_initialized, _configured, _registered...):
    /// every replica reaches the same value after warm-up, so it is not state to move out.
    /// </summary>
    private static bool IsInitializationLatch(IFieldReferenceOperation reference, IFieldSymbol field)
    {
        if (field.Type.SpecialType != SpecialType.System_Boolean
            || reference.Parent is not ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: true } })
        {
            return false;
        }

        var name = field.Name.ToLowerInvariant();
        return LatchNames.Any(name.Contains);
    }

    /// <summary>A static field cleared in Dispose (<c>_writer = null</c> after closing it): releasing a resource, not changing state.</summary>
    private static bool IsTeardown(OperationAnalysisContext context, IFieldReferenceOperation reference) =>
        context.ContainingSymbol is IMethodSymbol { Name: "Dispose" or "DisposeAsync" }
        && reference.Parent is ISimpleAssignmentOperation { Value: var value } && IsNull(Unwrap(value));

    private static readonly string[] LatchNames = { "initiali", "configured", "registered", "bootstrapped", "warmedup", "setup" };

    /// <summary>
    /// A bool set only to constants and named for the process's own life cycle (_stopping, _shuttingDown, _disposed,
    /// _isRunning, _started, _cancelled): it tells a background loop or a Dispose when to stop, and each replica has its
    /// own process to stop. User-visible switches (_maintenanceMode, _enabled) are not lifecycle words and still count.
    /// </summary>
    private static bool IsLifecycleFlag(IFieldReferenceOperation reference, IFieldSymbol field)
    {
        if (field.Type.SpecialType != SpecialType.System_Boolean
            || reference.Parent is not ISimpleAssignmentOperation { Value.ConstantValue: { HasValue: true, Value: bool } })
        {
            return false;
        }

        var name = field.Name.ToLowerInvariant();
        return LifecycleNames.Any(name.Contains);
    }

    private static readonly string[] LifecycleNames =
        { "stop", "shutdown", "shuttingdown", "dispos", "running", "started", "cancel", "terminat", "closing", "closed", "abort" };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="owner"/> (or the type that contains it, for a nested holder class) or Lazy of it.</summary>
    public bool IsOwnType(ITypeSymbol type, INamedTypeSymbol owner)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } generic
            && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, lazy))
        {
            type = generic.TypeArguments[0];
        }

        for (INamedTypeSymbol? current = owner.OriginalDefinition; current is not null; current = current.ContainingType?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, current))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol Writer(ISymbol containing) =>
        containing is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : containing;

    private Snapshot GetSnapshot()
    {
        var existing = snapshot;
        if (existing is not null)
        {
            return existing;
        }

        var startupOnly = StartupOnlyMethods();
        var constructorOnly = ConstructorOnlyMethods();
        var all = changes
            .Where(c => c.Method is null || !startupOnly.Contains(c.Method.OriginalDefinition))
            .Where(c => c.State.IsStatic || c.Method is null || !constructorOnly.Contains(c.Method.OriginalDefinition)
                || !c.Method.ContainingType.OriginalDefinition.IsOrInherits(c.State.ContainingType.OriginalDefinition))
            .ToList();

        // State whose only run-time change is its lazy first assignment is a memoised value: computed once, never
        // changed, the same on one server as on many. A reset, another assignment or a mutation makes it state again.
        // A private helper filled under its callers' null guards (if (_factory == null) Init();) memoises too.
        var guardsByHelper = new Dictionary<IMethodSymbol, List<ImmutableArray<IFieldSymbol>>>(SymbolEqualityComparer.Default);
        foreach (var (callee, guards) in privateCalls)
        {
            if (!guardsByHelper.TryGetValue(callee, out var uses))
            {
                guardsByHelper[callee] = uses = new List<ImmutableArray<IFieldSymbol>>();
            }

            uses.Add(guards);
        }

        var byState = all.GroupBy(c => c.State, SymbolEqualityComparer.Default)
            .Where(g => !g.All(c => c.IsMemoisation || IsGuardedHelperAssignment(c, guardsByHelper)))
            .ToDictionary(g => g.Key!, g => g.ToList(), SymbolEqualityComparer.Default);

        // A field assigned in a hand-written setter changes when (and where) that property is assigned.
        foreach (var (field, setter) in setterWrites.Distinct())
        {
            if (byState.TryGetValue(setter, out var viaSetter))
            {
                if (!byState.TryGetValue(field, out var list))
                {
                    byState[field] = list = new List<StateChange>();
                }

                list.AddRange(viaSetter.Select(c => c.WithState(field)));
            }
        }

        var statics = new Dictionary<ISymbol, ImmutableArray<StateChange>>(SymbolEqualityComparer.Default);
        var instance = new Dictionary<INamedTypeSymbol, SortedSet<string>>(SymbolEqualityComparer.Default);
        var instanceChanges = new Dictionary<INamedTypeSymbol, List<StateChange>>(SymbolEqualityComparer.Default);
        foreach (var pair in byState)
        {
            var state = pair.Key;

            // Hand-written properties are not state themselves; their setter writes were moved to the field.
            if (state is IPropertySymbol property && BackingField(property) is null)
            {
                continue;
            }

            if (state.IsStatic)
            {
                statics[state] = pair.Value.OrderBy(c => c.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                    .ThenBy(c => c.Location.SourceSpan.Start)
                    .ToImmutableArray();
            }
            else
            {
                var type = state.ContainingType.OriginalDefinition;
                if (!instance.TryGetValue(type, out var names))
                {
                    instance[type] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add(state.Name);
                if (!instanceChanges.TryGetValue(type, out var list))
                {
                    instanceChanges[type] = list = new List<StateChange>();
                }

                list.AddRange(pair.Value);
            }
        }

        var created = new Snapshot(statics, instance, instanceChanges);
        return System.Threading.Interlocked.CompareExchange(ref snapshot, created, null) ?? created;
    }

    private sealed class Snapshot(
        IReadOnlyDictionary<ISymbol, ImmutableArray<StateChange>> statics,
        IReadOnlyDictionary<INamedTypeSymbol, SortedSet<string>> instanceByType,
        IReadOnlyDictionary<INamedTypeSymbol, List<StateChange>> instanceChanges)
    {
        public IReadOnlyDictionary<ISymbol, ImmutableArray<StateChange>> Static { get; } = statics;

        public IReadOnlyDictionary<INamedTypeSymbol, SortedSet<string>> InstanceByType { get; } = instanceByType;

        public IReadOnlyDictionary<INamedTypeSymbol, List<StateChange>> InstanceChanges { get; } = instanceChanges;
    }
}
