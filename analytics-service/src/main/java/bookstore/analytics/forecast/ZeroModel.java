package bookstore.analytics.forecast;

/** No demand, for a history without a single sale: nothing to fit, and nothing sold predicts nothing sold. */
final class ZeroModel implements DemandModel {

    static final String NAME = "zero";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int fitMinimum() {
        return 0;
    }

    @Override
    public Projection project(double[] history, int steps) {
        return new Projection(new double[steps], new double[steps]);
    }
}
