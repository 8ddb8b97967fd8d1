using StateLens.CodeFixes;
using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.CodeFixes;

public sealed class SL4002MakeStaticFieldReadOnlyTests
{
    [Fact]
    public Task CollectionFilledButNeverReplaced_BecomesReadonly() => VerifyFix.OneByOneAsync<StaticMutableStateAnalyzer, MakeStaticFieldReadOnlyCodeFix>(
        ["""
        using System.Collections.Generic;

        public class ProductNames
        {
            private static Dictionary<int, string> _names = new Dictionary<int, string>();

            public static void Remember(int id, string name) => _names[id] = name;
        }
        """],
        ["""
        using System.Collections.Generic;

        public class ProductNames
        {
            private static readonly Dictionary<int, string> _names = new Dictionary<int, string>();

            public static void Remember(int id, string name) => _names[id] = name;
        }
        """]);

    [Fact]
    public Task AssignedInTheStaticConstructor_BecomesReadonly() => VerifyFix.OneByOneAsync<StaticMutableStateAnalyzer, MakeStaticFieldReadOnlyCodeFix>(
        ["""
        using System.Collections.Generic;

        internal static class Registry
        {
            static List<string> handlers;

            static Registry()
            {
                handlers = new List<string>();
            }

            public static void Register(string handler) => handlers.Add(handler);
        }
        """],
        ["""
        using System.Collections.Generic;

        internal static class Registry
        {
            static readonly List<string> handlers;

            static Registry()
            {
                handlers = new List<string>();
            }

            public static void Register(string handler) => handlers.Add(handler);
        }
        """]);

    [Theory]
    [InlineData("_cache = new Dictionary<int, string>();")]
    [InlineData("_cache ??= new Dictionary<int, string>();")]
    [InlineData("Reset(ref _cache);")]
    [InlineData("(_cache, _other) = (new Dictionary<int, string>(), 1);")]
    public Task FieldReplacedAtRunTime_GetsNoFix(string replacement) =>
        VerifyFix.NoFixAsync<StaticMutableStateAnalyzer, MakeStaticFieldReadOnlyCodeFix>(Snippet(replacement));

    [Fact]
    public Task NonPrivateField_GetsNoFix()
    {
        var source = """
            using System.Collections.Generic;

            public class Tags
            {
                internal static List<string> All = new List<string>();

                public static void Add(string tag) => All.Add(tag);
            }
            """;
        return VerifyFix.NoFixAsync<StaticMutableStateAnalyzer, MakeStaticFieldReadOnlyCodeFix>(source);
    }

    [Fact]
    public Task FixAll_MakesEveryNeverReplacedFieldReadonlyAcrossDocuments_AndLeavesTheOthers() => VerifyFix.FixAllAsync<StaticMutableStateAnalyzer, MakeStaticFieldReadOnlyCodeFix>(
        [
            """
            using System.Collections.Generic;

            public class Carts
            {
                private static List<int> _open = new List<int>();
                private static Dictionary<int, string> _owners = new Dictionary<int, string>();

                public static void Open(int id, string owner)
                {
                    _open.Add(id);
                    _owners[id] = owner;
                }

                public static void Clear() => _owners = new Dictionary<int, string>();
            }
            """,
            """
            using System.Collections.Generic;

            public class Prices
            {
                private static Dictionary<string, decimal> _bySku = new Dictionary<string, decimal>();

                public static void Set(string sku, decimal price) => _bySku[sku] = price;
            }
            """,
        ],
        [
            """
            using System.Collections.Generic;

            public class Carts
            {
                private static readonly List<int> _open = new List<int>();
                private static Dictionary<int, string> _owners = new Dictionary<int, string>();

                public static void Open(int id, string owner)
                {
                    _open.Add(id);
                    _owners[id] = owner;
                }

                public static void Clear() => _owners = new Dictionary<int, string>();
            }
            """,
            """
            using System.Collections.Generic;

            public class Prices
            {
                private static readonly Dictionary<string, decimal> _bySku = new Dictionary<string, decimal>();

                public static void Set(string sku, decimal price) => _bySku[sku] = price;
            }
            """,
        ]);

    private static string Snippet(string replacement) => $$"""
        using System.Collections.Generic;

        public class Lookup
        {
            private static Dictionary<int, string> _cache = new Dictionary<int, string>();
            private static int _other;

            public static string Get(int id)
            {
                {{replacement}}
                _cache[id] = "x";
                return _cache[id] + _other;
            }

            private static void Reset(ref Dictionary<int, string> cache) => cache = null;
        }
        """;
}
