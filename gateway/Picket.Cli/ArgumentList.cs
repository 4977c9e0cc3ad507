namespace Picket.Cli;

/// <summary>
/// The options of one verb, as System.CommandLine parsed them (free <c>--Section:Key VALUE</c>
/// settings are parsed here from its unmatched tokens): <c>--name value</c>, <c>--name=value</c>, repeated options (kept in
/// order) and bare <c>--flag</c>s. Verbs take what they know and call <see cref="ThrowIfUnused"/>
/// so a misspelt option is an error rather than silently ignored.
/// </summary>
public sealed class ArgumentList
{
    private readonly List<KeyValuePair<string, string?>> _items;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private ArgumentList(List<KeyValuePair<string, string?>> items) => _items = items;

    /// <summary>The options System.CommandLine parsed, in order, each as name (without dashes) and value (null for a flag).</summary>
    internal static ArgumentList FromItems(List<KeyValuePair<string, string?>> items) => new(items);

    /// <summary>Parses the words after the verb.</summary>
    /// <exception cref="UsageException">A word is not an option.</exception>
    public static ArgumentList Parse(ReadOnlySpan<string> words)
    {
        var items = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                throw new UsageException($"unexpected argument '{word}' (options start with --)");
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                items.Add(new(word[2..equals], word[(equals + 1)..]));
            }
            else if (i + 1 < words.Length && !(words[i + 1].StartsWith("--", StringComparison.Ordinal) && words[i + 1].Length > 2))
            {
                items.Add(new(word[2..], words[++i]));
            }
            else
            {
                items.Add(new(word[2..], null));
            }
        }

        return new ArgumentList(items);
    }

    /// <summary>True when <c>--name</c> was given, with or without a value.</summary>
    public bool Has(string name)
    {
        _used.Add(name);
        return _items.Exists(i => i.Key == name);
    }

    /// <summary>The value of the last <c>--name</c>, or null when absent.</summary>
    /// <exception cref="UsageException">The option was given without a value.</exception>
    public string? Get(string name)
    {
        _used.Add(name);
        var index = _items.FindLastIndex(i => i.Key == name);
        if (index < 0)
        {
            return null;
        }

        return _items[index].Value ?? throw new UsageException($"--{name} needs a value");
    }

    /// <summary>The value of <c>--name</c>.</summary>
    /// <exception cref="UsageException">The option is absent or has no value.</exception>
    public string GetRequired(string name) => Get(name) ?? throw new UsageException($"--{name} is required");

    /// <summary>Every value of a repeatable option, in command-line order.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        _used.Add(name);
        var values = new List<string>();
        foreach (var item in _items)
        {
            if (item.Key == name)
            {
                values.Add(item.Value ?? throw new UsageException($"--{name} needs a value"));
            }
        }

        return values;
    }

    /// <summary>Returns the options no verb has asked for (in order) and marks them used: for verbs that pass settings through.</summary>
    /// <returns>Name and value (null for a flag) of each.</returns>
    public IReadOnlyList<KeyValuePair<string, string?>> Remaining()
    {
        var remaining = _items.Where(i => !_used.Contains(i.Key)).ToList();
        foreach (var item in remaining)
        {
            _used.Add(item.Key);
        }

        return remaining;
    }

    /// <summary>
    /// The options no verb asked for, as configuration overrides (<c>--Section:Key VALUE</c>) in
    /// command-line syntax, for the verbs that take gateway settings (run, replay --config, selftest).
    /// </summary>
    /// <returns>Alternating <c>--Section:Key</c> and value.</returns>
    /// <exception cref="UsageException">An option is not a setting, or has no value.</exception>
    public IReadOnlyList<string> SettingsOverrides()
    {
        var overrides = new List<string>();
        foreach (var (key, value) in Remaining())
        {
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                throw new UsageException($"unknown option --{key} (settings are given as --Section:Key VALUE)");
            }

            overrides.Add("--" + key);
            overrides.Add(value ?? throw new UsageException($"--{key} needs a value"));
        }

        return overrides;
    }

    /// <summary>Fails on the first option no call asked for.</summary>
    /// <exception cref="UsageException">An option was not recognised.</exception>
    public void ThrowIfUnused()
    {
        foreach (var item in _items)
        {
            if (!_used.Contains(item.Key))
            {
                throw new UsageException($"unknown option --{item.Key}");
            }
        }
    }
}
