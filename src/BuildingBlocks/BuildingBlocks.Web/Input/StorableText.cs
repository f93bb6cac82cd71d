namespace Modular.BuildingBlocks.Web.Input;

/// <summary>
/// Text PostgreSQL can store: no U+0000 (text columns refuse it, 22021) and no unpaired UTF-16 surrogate (it has no
/// UTF-8 encoding, so the driver cannot even send it).
/// </summary>
public static class StorableText
{
    public const string Refusal = "Text must not contain U+0000 (NUL) or an unpaired surrogate.";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
