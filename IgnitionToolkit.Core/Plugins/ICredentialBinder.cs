using IgnitionToolkit.Core.Playbooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IgnitionToolkit.Core.Plugins;

/// <summary>
/// A plugin's contribution for one kind of vault credential (e.g. the gateway plugin's <c>gateway_login</c>): which of
/// its fields are not secret, and which playbook parameters a credential of that kind fills when an execution is started
/// with it (<c>credential_name</c>). Registered with <see cref="CredentialBinderRegistration.AddCredentialBinder{T}"/>;
/// the API and the engine use every registered binder alike through <see cref="CredentialBinders"/>.
/// </summary>
public interface ICredentialBinder
{
    /// <summary>The vault credential kind this binder understands.</summary>
    string Kind { get; }

    /// <summary>Fields of the kind that are not secret: shown by the vault, not masked by the engine. Every other field is secret.</summary>
    IReadOnlySet<string> PlainFields { get; }

    /// <summary>The start parameters to fill from a credential's <paramref name="fields"/>: only parameters
    /// <paramref name="playbook"/> declares and the request did not give (<paramref name="given"/>).</summary>
    IReadOnlyList<FilledParameter> Fill(Playbook playbook, IReadOnlyDictionary<string, string> fields, Func<string, bool> given);
}

/// <summary>The field a start parameter is filled from.</summary>
public sealed record CredentialParameterFill(string Parameter, string Field);

/// <summary>A start parameter filled from a credential; <paramref name="Secret"/>: stored masked, never sent in clear.</summary>
public sealed record FilledParameter(string Parameter, string Value, bool Secret);

/// <summary>Every registered <see cref="ICredentialBinder"/>, asked generically.</summary>
public sealed class CredentialBinders(IEnumerable<ICredentialBinder> binders)
{
    private readonly IReadOnlyList<ICredentialBinder> _binders = binders.ToList();

    public static CredentialBinders None { get; } = new([]);

    /// <summary>The kinds that fill parameters (for messages: "gateway_login", "a or b").</summary>
    public string Kinds => string.Join(" or ", _binders.Select(b => b.Kind));

    public ICredentialBinder? Find(string kind) => _binders.FirstOrDefault(b => b.Kind == kind);

    /// <summary>True when some binder declares <paramref name="field"/> not secret; unknown fields are secret.</summary>
    public bool IsPlainField(string field) => _binders.Any(b => b.PlainFields.Contains(field));

    /// <summary>Fills declared, not given parameters from the named fields (the common case of a binder); a parameter is
    /// secret unless its field is one of <paramref name="binder"/>'s plain fields.</summary>
    public static IReadOnlyList<FilledParameter> FillDeclared(ICredentialBinder binder, Playbook playbook,
        IReadOnlyDictionary<string, string> fields, Func<string, bool> given, IEnumerable<CredentialParameterFill> fills) =>
        fills.Where(f => playbook.Parameters.Any(x => x.Name == f.Parameter) && !given(f.Parameter) && fields.ContainsKey(f.Field))
            .Select(f => new FilledParameter(f.Parameter, fields[f.Field], !binder.PlainFields.Contains(f.Field)))
            .ToList();
}

public static class CredentialBinderRegistration
{
    /// <summary>Registers a plugin's <see cref="ICredentialBinder"/> (once, however often the plugin is added).</summary>
    public static IServiceCollection AddCredentialBinder<T>(this IServiceCollection services) where T : class, ICredentialBinder
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICredentialBinder, T>());
        services.TryAddSingleton<CredentialBinders>();
        return services;
    }
}
