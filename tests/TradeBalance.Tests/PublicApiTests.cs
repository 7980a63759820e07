using System.Reflection;
using PublicApiGenerator;
using TradeBalance.Data;
using Xunit;

namespace TradeBalance.Tests;

/// <summary>
/// The public API of the two libraries, approved: a change to a public signature fails here until
/// someone looks at the difference and accepts it, so a breaking change to a shipped package is
/// always a decision. The approved text is <c>PublicApi/&lt;assembly&gt;.approved.txt</c>; on a
/// mismatch the test writes <c>&lt;assembly&gt;.received.txt</c> beside it (git ignores it) and the
/// message says how to accept it.
/// </summary>
public class PublicApiTests
{
    public static TheoryData<string> Assemblies => ["TradeBalance", "TradeBalance.Data"];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Public_api_matches_the_approved_text(string assemblyName)
    {
        var assembly = assemblyName switch
        {
            "TradeBalance" => typeof(Money).Assembly,
            "TradeBalance.Data" => typeof(KenyaChina).Assembly,
            _ => throw new ArgumentOutOfRangeException(nameof(assemblyName), assemblyName, null),
        };
        var received = Normalize(Generate(assembly));

        var folder = TradeBalance.Testing.RepoFiles.Path(Path.Combine("tests", "TradeBalance.Tests", "PublicApi"));
        var approvedPath = Path.Combine(folder, assemblyName + ".approved.txt");
        var receivedPath = Path.Combine(folder, assemblyName + ".received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : null;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, received);
        var relativeApproved = Path.Combine("tests", "TradeBalance.Tests", "PublicApi", assemblyName + ".approved.txt");
        var relativeReceived = Path.Combine("tests", "TradeBalance.Tests", "PublicApi", assemblyName + ".received.txt");
        Assert.Fail(
            (approved is null
                ? $"{assemblyName} has no approved public API yet ({relativeApproved})."
                : $"The public API of {assemblyName} differs from {relativeApproved}.")
            + $" The API generated now is in {relativeReceived}: compare the two"
            + $" (git diff --no-index {relativeApproved} {relativeReceived}); if the change is intended, accept it with"
            + $" cp {relativeReceived} {relativeApproved}, commit the approved file, and note the change in CHANGELOG.md."
            + (approved is null ? string.Empty : FirstDifference(approved, received)));
    }

    private static string Generate(Assembly assembly) =>
        assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // Assembly attributes carry build facts (the repository URL when a remote exists,
            // InternalsVisibleTo), not API: leaving them out keeps the text the same on every machine.
            IncludeAssemblyAttributes = false,
        });

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end of file)";
            var right = i < r.Length ? r[i] : "(end of file)";
            if (left != right)
            {
                return $"{Environment.NewLine}First difference, line {i + 1}:{Environment.NewLine}  approved: {left.Trim()}{Environment.NewLine}  received: {right.Trim()}";
            }
        }

        return string.Empty;
    }
}
