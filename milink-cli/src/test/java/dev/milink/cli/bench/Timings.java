// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import java.util.Arrays;
import java.util.List;

/** Median, min and max of a few timed runs, as {@code docs/benchmarks.md} reports them. */
record Timings(double median, double min, double max, int runs) {

    static Timings of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return new Timings(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return new Timings(median, v[0], v[v.length - 1], v.length);
    }

    static Timings of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    /** {@code 12.3 / 10.1 / 15.0 ms (n=5)} with the given unit and decimals. */
    String format(String unit, int decimals) {
        String f = "%,." + decimals + "f";
        return String.format(f + " / " + f + " / " + f + " %s (median / min / max, n=%d)", median, min, max, unit,
                runs);
    }
}
