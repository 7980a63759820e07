using TradeBalance.Data.Internal;
using TradeBalance.Projections;
using Xunit;

namespace TradeBalance.Data.Tests;

/// <summary>Every writer that takes a path replaces the file only when the new content is complete.</summary>
public sealed class SafeWriteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tradebalance-safe-write-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_write_that_fails_halfway_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_dir, "flows.csv");
        File.WriteAllText(path, "old content");

        var e = Assert.Throws<InvalidOperationException>(() => Output.WriteText(path, w =>
        {
            w.Write(new string('x', 200_000));
            throw new InvalidOperationException("the run failed");
        }));

        Assert.Equal("the run failed", e.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void A_write_that_fails_leaves_no_file_where_there_was_none()
    {
        var path = Path.Combine(_dir, "new.json");
        Assert.Throws<InvalidOperationException>(() => Output.Replace(path, _ => throw new InvalidOperationException()));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void The_public_writers_replace_whole_files()
    {
        var path = Path.Combine(_dir, "projection.csv");
        File.WriteAllText(path, "old");
        var result = TradeBalance.Projections.ProjectionModel.Smart.Project(new ProjectionInputs(KenyaChina.Scenario, KenyaChina.Flows, KenyaChina.Tariffs));

        ProjectionCsv.Write(result, path);
        ProjectionJson.Write(result, Path.Combine(_dir, "projection.json"));
        FlowsCsv.Write(KenyaChina.Flows, Path.Combine(_dir, "flows.csv.gz"));

        Assert.Equal(result.Count, ProjectionCsv.Read(path).Value.Length);
        Assert.Equal(KenyaChina.Flows.Flows.Length, FlowsCsv.Read(Path.Combine(_dir, "flows.csv.gz")).Value.Flows.Length);
        Assert.Equal(3, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void A_symbolic_link_is_written_at_its_target_and_stays_a_link()
    {
        var target = Path.Combine(_dir, "target.csv");
        var link = Path.Combine(_dir, "link.csv");
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(link, target);

        Output.WriteText(link, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(2, Directory.GetFiles(_dir).Length);
    }
}
