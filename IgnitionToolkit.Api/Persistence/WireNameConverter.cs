using IgnitionToolkit.Contracts;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IgnitionToolkit.Api.Persistence;

/// <summary>Stores an enum of the contracts (statuses) as its wire name: <c>running</c>, <c>skip_back</c>.</summary>
public sealed class WireNameConverter<T>() : ValueConverter<T, string>(v => v.ToWire(), v => WireNames.Parse<T>(v)) where T : struct, Enum;
