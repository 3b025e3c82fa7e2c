namespace IgnitionToolkit.Api.Options;

/// <summary>Section <c>Toolkit:Api</c>: HTTP surface of the API.</summary>
public sealed class ApiOptions
{
    public const string Section = "Toolkit:Api";

    /// <summary>Answer old unversioned <c>/api/...</c> paths with 308 to <c>/api/v1/...</c> (default true).</summary>
    public bool LegacyRedirects { get; set; } = true;

    /// <summary>Serve the browsable API reference at <c>/scalar</c> (default true; the OpenAPI document is always served).</summary>
    public bool Reference { get; set; } = true;
}
