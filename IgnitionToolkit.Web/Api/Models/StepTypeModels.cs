namespace IgnitionToolkit.Web.Api.Models;

/// <summary>One parameter of a step type, as <c>GET /api/v1/step-types</c> describes it.</summary>
public sealed record StepParameterInfo(string Name, string Type, bool Required, bool Secret, string? Description);

/// <summary>A step type and its parameters (the re-run form needs to know the secret ones).</summary>
public sealed record StepTypeInfo(string Type, string Category, IReadOnlyList<StepParameterInfo> Parameters);
