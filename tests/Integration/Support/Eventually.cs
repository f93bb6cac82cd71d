namespace Modular.Tests.Integration.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the description after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string description)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Not true within {timeout.TotalSeconds:0} s: {description}");
    }
}
