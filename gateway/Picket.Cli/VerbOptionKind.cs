namespace Picket.Cli;

/// <summary>How many values an option of a verb takes.</summary>
public enum VerbOptionKind
{
    /// <summary><c>--name VALUE</c>, given at most once.</summary>
    Value,

    /// <summary><c>--name</c> alone: present or absent.</summary>
    Flag,

    /// <summary><c>--name VALUE</c>, repeatable; the values are kept in command-line order.</summary>
    Repeated,
}
