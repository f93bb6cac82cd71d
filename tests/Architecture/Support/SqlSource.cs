namespace Modular.Tests.Architecture.Support;

/// <summary>A piece of SQL found in an assembly, and where it was found (an embedded file or a method's string literal).</summary>
public sealed record SqlSource(string Location, string Text);
