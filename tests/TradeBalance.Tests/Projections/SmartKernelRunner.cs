using TradeBalance.Projections;

namespace TradeBalance.Tests.Projections;

/// <summary>Runs <see cref="SmartKernel"/> on one market given as arrays, for tests.</summary>
internal static class SmartKernelRunner
{
    internal sealed record Run(double[] Tc, double[] Td, double[] Pe, double[] M1, double Total0, double Total1, double Revenue0, double Revenue1, double Welfare);

    internal static Run One(double[] m, double[] t0, double[] t1, double eta, double sigma, double eps)
    {
        var n = m.Length;
        double[] tc = new double[n], td = new double[n], pe = new double[n], m1 = new double[n];
        double[] tot0 = new double[1], tot1 = new double[1], r0 = new double[1], r1 = new double[1], w = new double[1];
        SmartKernel.Project(
            new SmartInput([0, n], m, t0, t1, [eta], [sigma], [eps]),
            new SmartOutput(tc, td, pe, m1, tot0, tot1, r0, r1, w));
        return new Run(tc, td, pe, m1, tot0[0], tot1[0], r0[0], r1[0], w[0]);
    }
}
