using Microsoft.AspNetCore.Mvc;
using IgnitionToolkit.Api.Auth;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;
using IgnitionToolkit.Core.Plugins.Loading;
using IgnitionToolkit.Contracts;

namespace IgnitionToolkit.Api.StepTypes;

public sealed record StepParameterDto(
    string Name, string Type, bool Required, object? Default, string Description, bool Secret, IReadOnlyList<string>? AllowedValues);

public sealed record StepOutputDto(string Name, string Type, string Description);

public sealed record StepAliasDto(string Name, IReadOnlyDictionary<string, string>? ParameterMap);

public sealed record StepTypeDto(
    string Type, string Category, string Description, IReadOnlyList<StepParameterDto> Parameters,
    IReadOnlyList<StepOutputDto> Outputs, IReadOnlyList<StepAliasDto> Aliases, bool AllowAdditionalParameters,
    string? DisabledReason);

/// <summary>Problems met while loading the step plugins (unloadable assemblies, duplicate types or aliases).</summary>
public sealed record StepTypeErrorsDto(IReadOnlyList<string> PluginErrors);

/// <summary><c>GET /api/v1/step-types</c>: the step catalogue with parameter schemas, outputs, deprecated aliases and,
/// for a type switched off on this deployment, why (<c>disabled_reason</c>);
/// <c>GET /api/v1/step-types/errors</c>: the plugin load errors of that catalogue.</summary>
public static class StepTypeEndpoints
{
    public static RouteGroupBuilder MapStepTypeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/step-types").WithTags("Step types").RequireViewer();
        group.MapGet("/", ([FromServices] IStepCatalog catalog, string? category) => TypedResults.Ok<IReadOnlyList<StepTypeDto>>(catalog.Descriptors
            .Where(d => category is null || string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Type, StringComparer.Ordinal)
            .Select(ToDto)
            .ToList())).WithName("ListStepTypes");
        group.MapGet("/errors", ([FromServices] StepPluginRegistry registry) =>
            TypedResults.Ok(new StepTypeErrorsDto(registry.LoadErrors))).WithName("ListStepTypeErrors");
        return api;
    }

    public static StepTypeDto ToDto(StepTypeDescriptor d) => new(
        d.Type, d.Category, d.Description,
        d.Parameters.Select(p => new StepParameterDto(
            p.Name, p.Type.ToWire(), p.Required, p.Secret ? null : p.Default, p.Description, p.Secret, p.AllowedValues)).ToList(),
        d.OutputList.Select(o => new StepOutputDto(o.Name, o.Type.ToWire(), o.Description)).ToList(),
        d.AliasList.Select(a => new StepAliasDto(a.Name, a.ParameterMap)).ToList(),
        d.AllowAdditionalParameters,
        d.DisabledReason);
}
