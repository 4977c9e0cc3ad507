using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Reflection.Metadata.Ecma335;

namespace Picket.NanoSubset;

/// <summary>
/// Reads the IL and metadata of the nanoFramework check build of the portable core
/// (<c>firmware/Picket.Core.NanoCheck</c>, compiled against nanoFramework's mscorlib alone) and
/// fails on what the C# compiler accepts but the nanoFramework runtime or its metadata processor
/// rejects: generic types and methods (Action&lt;T&gt;, Func&lt;T&gt; included), multi-dimensional
/// arrays, pointers, default or static interface members, and table size limits.
/// </summary>
public sealed class NanoSubsetTests
{
    // nanoFramework's metadata processor stores per-type method and field counts in a byte and
    // heap offsets (IL byte code, strings) in 16 bits (nanoFramework.Tools.MetadataProcessor,
    // CLR_RECORD_TYPEDEF / CLR_OFFSET).
    private const int MaxMembersOfOneKind = 255;
    private const int MaxHeapBytes = 64 * 1024;

    /// <summary>The core's stages as deployed to the board (see firmware/Picket.Core.NanoCheck/NanoCheck.props).</summary>
    public static TheoryData<string> Stages => new() { "Core", "ModeS", "Radar", "Tracking" };

    [Theory]
    [MemberData(nameof(Stages))]
    public void CheckAssembly_ReferencesOnlyNanoFrameworkMscorlibAndEarlierStages(string stage)
    {
        using var pe = Open(stage, out var reader);
        var names = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToArray();

        Assert.Contains("mscorlib", names);
        Assert.All(names, name => Assert.True(name == "mscorlib" || (name.StartsWith("Picket.Core", StringComparison.Ordinal) && name.EndsWith(".Nano", StringComparison.Ordinal)), name));
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void CheckAssembly_HasNoGenericDefinitionsOrInstantiations(string stage)
    {
        using var pe = Open(stage, out var reader);
        var violations = GenericViolations(reader);
        Assert.True(violations.Count == 0, "Constructs nanoFramework rejects:\n" + string.Join('\n', violations.Distinct()));
    }

    /// <summary>Generic definitions, instantiations, multi-dimensional arrays and pointers in <paramref name="reader"/>'s metadata.</summary>
    internal static List<string> GenericViolations(MetadataReader reader)
    {
        var violations = new List<string>();
        foreach (var handle in Rows(reader, TableIndex.GenericParam, MetadataTokens.GenericParameterHandle))
        {
            var parameter = reader.GetGenericParameter(handle);
            violations.Add($"generic parameter {reader.GetString(parameter.Name)} on {Describe(reader, parameter.Parent)}");
        }

        foreach (var handle in Rows(reader, TableIndex.MethodSpec, MetadataTokens.MethodSpecificationHandle))
        {
            var spec = reader.GetMethodSpecification(handle);
            violations.Add($"generic method instantiation of {Describe(reader, spec.Method)}");
        }

        violations.AddRange(FindSignatureViolations(reader));
        return violations;
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void CheckAssembly_InterfacesHaveNoDefaultOrStaticMembers(string stage)
    {
        using var pe = Open(stage, out var reader);
        var violations = InterfaceViolations(reader);
        Assert.True(violations.Count == 0, "Interface members with bodies or static: " + string.Join(", ", violations));
    }

    /// <summary>Interface members with a body or static, in <paramref name="reader"/>'s metadata.</summary>
    internal static List<string> InterfaceViolations(MetadataReader reader)
    {
        var violations = new List<string>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if ((type.Attributes & TypeAttributes.Interface) == 0)
            {
                continue;
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if ((method.Attributes & MethodAttributes.Abstract) == 0 || (method.Attributes & MethodAttributes.Static) != 0)
                {
                    violations.Add($"{reader.GetString(type.Name)}.{reader.GetString(method.Name)}");
                }
            }
        }

        return violations;
    }

    [Theory]
    [MemberData(nameof(Stages))]
    public void CheckAssembly_StaysWithinMetadataProcessorLimits(string stage)
    {
        using var pe = Open(stage, out var reader);
        var violations = new List<string>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var methods = type.GetMethods().Select(reader.GetMethodDefinition).ToArray();
            var fields = type.GetFields().Select(reader.GetFieldDefinition).ToArray();
            var counts = new Dictionary<string, int>
            {
                ["virtual methods"] = methods.Count(m => (m.Attributes & MethodAttributes.Virtual) != 0),
                ["instance methods"] = methods.Count(m => (m.Attributes & (MethodAttributes.Virtual | MethodAttributes.Static)) == 0),
                ["static methods"] = methods.Count(m => (m.Attributes & MethodAttributes.Static) != 0),
                ["instance fields"] = fields.Count(f => (f.Attributes & FieldAttributes.Static) == 0),
                ["static fields"] = fields.Count(f => (f.Attributes & FieldAttributes.Static) != 0),
            };
            foreach (var (kind, count) in counts)
            {
                if (count > MaxMembersOfOneKind)
                {
                    violations.Add($"{reader.GetString(type.Namespace)}.{reader.GetString(type.Name)} has {count} {kind}");
                }
            }
        }

        var ilBytes = reader.MethodDefinitions
            .Select(h => reader.GetMethodDefinition(h).RelativeVirtualAddress)
            .Where(rva => rva != 0)
            .Sum(rva => pe.GetMethodBody(rva).Size);
        var stringBytes = reader.GetHeapSize(HeapIndex.String) + reader.GetHeapSize(HeapIndex.UserString);
        if (ilBytes > MaxHeapBytes)
        {
            violations.Add($"IL byte code is {ilBytes} bytes (limit {MaxHeapBytes}): move a folder into another stage");
        }

        if (stringBytes > MaxHeapBytes)
        {
            violations.Add($"string heaps are {stringBytes} bytes (limit {MaxHeapBytes})");
        }

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private static IEnumerable<string> FindSignatureViolations(MetadataReader reader)
    {
        var provider = new SubsetSignatureProvider();
        var context = new object();
        foreach (var handle in Rows(reader, TableIndex.TypeSpec, MetadataTokens.TypeSpecificationHandle))
        {
            var text = reader.GetTypeSpecification(handle).DecodeSignature(provider, context);
            foreach (var problem in provider.TakeProblems())
            {
                yield return $"type {text}: {problem}";
            }
        }

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var typeName = reader.GetString(type.Name);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                field.DecodeSignature(provider, context);
                foreach (var problem in provider.TakeProblems())
                {
                    yield return $"field {typeName}.{reader.GetString(field.Name)}: {problem}";
                }
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                method.DecodeSignature(provider, context);

                foreach (var problem in provider.TakeProblems())
                {
                    yield return $"method {typeName}.{reader.GetString(method.Name)}: {problem}";
                }
            }
        }

        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.GetKind() == MemberReferenceKind.Method)
            {
                member.DecodeMethodSignature(provider, context);
            }
            else
            {
                member.DecodeFieldSignature(provider, context);
            }

            foreach (var problem in provider.TakeProblems())
            {
                yield return $"reference to {reader.GetString(member.Name)}: {problem}";
            }
        }

        foreach (var handle in Rows(reader, TableIndex.StandAloneSig, MetadataTokens.StandaloneSignatureHandle))
        {
            var signature = reader.GetStandaloneSignature(handle);
            if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
            {
                signature.DecodeLocalSignature(provider, context);
            }

            foreach (var problem in provider.TakeProblems())
            {
                yield return $"local variables: {problem}";
            }
        }
    }

    private static IEnumerable<THandle> Rows<THandle>(MetadataReader reader, TableIndex table, Func<int, THandle> handle)
    {
        var count = reader.GetTableRowCount(table);
        for (var row = 1; row <= count; row++)
        {
            yield return handle(row);
        }
    }

    private static string Describe(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        HandleKind.MethodDefinition => reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)handle).Name),
        HandleKind.MemberReference => reader.GetString(reader.GetMemberReference((MemberReferenceHandle)handle).Name),
        _ => handle.Kind.ToString(),
    };

    private static PEReader Open(string stage, out MetadataReader reader)
    {
        var pe = new PEReader(File.OpenRead(FindAssembly(stage)));
        reader = pe.GetMetadataReader();
        return pe;
    }

    private static string FindAssembly(string stage)
    {
        var metadata = typeof(NanoSubsetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        var name = stage == "Core" ? "Picket.Core.Nano.dll" : $"Picket.Core.{stage}.Nano.dll";
        var path = Path.Combine(metadata["NanoCheckDirectory"], stage, "bin", metadata["NanoCheckConfiguration"], "net10.0", name);
        Assert.True(File.Exists(path), $"The nanoFramework check build is missing at {path}; build firmware/Picket.Core.NanoCheck/{stage}.");
        return path;
    }

    /// <summary>Turns signatures into text and records the parts nanoFramework cannot run.</summary>
    private sealed class SubsetSignatureProvider : ISignatureTypeProvider<string, object>
    {
        private readonly List<string> _problems = [];

        public List<string> TakeProblems()
        {
            var taken = new List<string>(_problems);
            _problems.Clear();
            return taken;
        }

        public string GetArrayType(string elementType, ArrayShape shape)
        {
            _problems.Add($"multi-dimensional array {elementType}[{new string(',', shape.Rank - 1)}]");
            return elementType + "[,]";
        }

        public string GetByReferenceType(string elementType) => "ref " + elementType;

        public string GetFunctionPointerType(MethodSignature<string> signature)
        {
            _problems.Add("function pointer");
            return "fnptr";
        }

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
        {
            _problems.Add($"generic instantiation {genericType}<{string.Join(",", typeArguments)}>");
            return genericType;
        }

        public string GetGenericMethodParameter(object genericContext, int index)
        {
            _problems.Add("generic method parameter");
            return "!!" + index;
        }

        public string GetGenericTypeParameter(object genericContext, int index)
        {
            _problems.Add("generic type parameter");
            return "!" + index;
        }

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

        public string GetPinnedType(string elementType)
        {
            _problems.Add("pinned local");
            return elementType;
        }

        public string GetPointerType(string elementType)
        {
            _problems.Add($"pointer {elementType}*");
            return elementType + "*";
        }

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeDefinition(handle).Name);

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            reader.GetString(reader.GetTypeReference(handle).Name);

        public string GetTypeFromSpecification(MetadataReader reader, object genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }
}
