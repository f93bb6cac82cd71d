using Mono.Cecil;

namespace Modular.Tests.Architecture.Support;

/// <summary>A type that code mentions, and where it is mentioned (e.g. "field _db", "body of Place").</summary>
public sealed record TypeDependency(TypeReference Type, string Site);
