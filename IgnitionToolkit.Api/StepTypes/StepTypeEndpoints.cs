using Microsoft.AspNetCore.Mvc;
using IgnitionToolkit.Core.Execution;
using IgnitionToolkit.Core.Plugins;

namespace IgnitionToolkit.Api.StepTypes;

public sealed record StepParameterDto(
    string Name, string Type, bool Required, object? Default, string Description, bool Secret, IReadOnlyList<string>? AllowedValues);

public sealed record StepOutputDto(string Name, string Type, string Description);

public sealed record StepAliasDto(string Name, IReadOnlyDictionary<string, string>? ParameterMap);

public sealed record StepTypeDto(
    string Type, string Category, string Description, IReadOnlyList<StepParameterDto> Parameters,
    IReadOnlyList<StepOutputDto> Outputs, IReadOnlyList<StepAliasDto> Aliases, bool AllowAdditionalParameters);

/// <summary><c>GET /api/v1/step-types</c>: the step catalogue with parameter schemas, outputs and deprecated aliases.</summary>
public static class StepTypeEndpoints
{
    public static RouteGroupBuilder MapStepTypeEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/step-types").WithTags("Step types");
        group.MapGet("/", ([FromServices] IStepCatalog catalog, string? category) => TypedResults.Ok<IReadOnlyList<StepTypeDto>>(catalog.Descriptors
            .Where(d => category is null || string.Equals(d.Category, category, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => d.Type, StringComparer.Ordinal)
            .Select(ToDto)
            .ToList())).WithName("ListStepTypes");
        return api;
    }

    public static StepTypeDto ToDto(StepTypeDescriptor d) => new(
        d.Type, d.Category, d.Description,
        d.Parameters.Select(p => new StepParameterDto(
            p.Name, p.Type.ToWire(), p.Required, p.Secret ? null : p.Default, p.Description, p.Secret, p.AllowedValues)).ToList(),
        d.OutputList.Select(o => new StepOutputDto(o.Name, o.Type.ToWire(), o.Description)).ToList(),
        d.AliasList.Select(a => new StepAliasDto(a.Name, a.ParameterMap)).ToList(),
        d.AllowAdditionalParameters);
}
