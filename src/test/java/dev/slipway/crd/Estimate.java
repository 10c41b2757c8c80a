package dev.slipway.crd;

/**
 * A range of sizes or costs, as cel-go's SizeEstimate and CostEstimate (checker/cost.go): the same arithmetic,
 * which never overflows but sticks at the largest value. cel-go computes in uint64 and sticks at 2^64-1; here the
 * ceiling is Long.MAX_VALUE. Both are far beyond every cost limit, and below them the results are equal.
 */
record Estimate(long min, long max) {
    static final long UNBOUNDED = Long.MAX_VALUE;
    static final Estimate ZERO = fixed(0);
    /** A size nothing is known about: cel-go's UnknownSizeEstimate. */
    static final Estimate UNKNOWN = new Estimate(0, UNBOUNDED);
    private static final double TWO_TO_63 = Math.scalb(1.0, 63);

    static Estimate fixed(long value) {
        return new Estimate(value, value);
    }

    Estimate add(Estimate other) {
        return new Estimate(add(min, other.min), add(max, other.max));
    }

    Estimate multiply(Estimate other) {
        return new Estimate(multiply(min, other.min), multiply(max, other.max));
    }

    /** Multiplies by a cost per unit and rounds up, as cel-go's MultiplyByCostFactor. */
    Estimate multiplyByCostFactor(double costPerUnit) {
        return new Estimate(multiply(min, costPerUnit), multiply(max, costPerUnit));
    }

    /** The range covering both. */
    Estimate union(Estimate other) {
        return new Estimate(Math.min(min, other.min), Math.max(max, other.max));
    }

    private static long add(long x, long y) {
        return y > 0 && x > UNBOUNDED - y ? UNBOUNDED : x + y;
    }

    private static long multiply(long x, long y) {
        return y != 0 && x > UNBOUNDED / y ? UNBOUNDED : x * y;
    }

    private static long multiply(long x, double y) {
        double product = Math.ceil((double) x * y);
        return x > 0 && y > 0 && x > UNBOUNDED / y || product >= TWO_TO_63 ? UNBOUNDED : (long) product;
    }
}
