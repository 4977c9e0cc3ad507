using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Picket.NanoSubset;

/// <summary>
/// The IL lint of <see cref="NanoSubsetTests"/> run on an assembly built here to contain exactly
/// the constructs nanoFramework rejects, so the lint is shown to fail where it must (a clean
/// core alone could not prove that).
/// </summary>
public sealed class NanoSubsetLintTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"picket-forbidden-{Guid.NewGuid():N}.dll");

    public NanoSubsetLintTests()
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName("Forbidden"), typeof(object).Assembly);
        var module = assembly.DefineDynamicModule("Forbidden");

        var holder = module.DefineType("Forbidden.Holder", TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed);
        holder.DefineField("Items", typeof(List<int>), FieldAttributes.Public);
        var grid = holder.DefineMethod("Grid", MethodAttributes.Public | MethodAttributes.Static, typeof(int[,]), Type.EmptyTypes);
        var il = grid.GetILGenerator();
        il.Emit(OpCodes.Ldnull);
        il.Emit(OpCodes.Ret);
        var identity = holder.DefineMethod("Identity", MethodAttributes.Public | MethodAttributes.Static);
        var parameter = identity.DefineGenericParameters("T")[0];
        identity.SetReturnType(parameter);
        identity.SetParameters(parameter);
        il = identity.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ret);
        holder.CreateType();

        var withDefault = module.DefineType("Forbidden.IWithDefault", TypeAttributes.Public | TypeAttributes.Interface | TypeAttributes.Abstract);
        var value = withDefault.DefineMethod("Value", MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.NewSlot, typeof(int), Type.EmptyTypes);
        il = value.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4_1);
        il.Emit(OpCodes.Ret);
        withDefault.CreateType();

        assembly.Save(_path);
    }

    [Fact]
    public void GenericViolations_ForbiddenConstructs_AreEachReported()
    {
        using var pe = new PEReader(File.OpenRead(_path));

        var violations = NanoSubsetTests.GenericViolations(pe.GetMetadataReader());

        Assert.Contains(violations, v => v.Contains("generic instantiation List`1<Int32>", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("multi-dimensional array Int32[,]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("generic parameter T on Identity", StringComparison.Ordinal));
    }

    [Fact]
    public void InterfaceViolations_DefaultInterfaceMember_IsReported()
    {
        using var pe = new PEReader(File.OpenRead(_path));

        Assert.Equal(["IWithDefault.Value"], NanoSubsetTests.InterfaceViolations(pe.GetMetadataReader()));
    }

    public void Dispose() => File.Delete(_path);
}
