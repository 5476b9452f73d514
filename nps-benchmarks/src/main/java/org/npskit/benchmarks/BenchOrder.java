package org.npskit.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order event as a shop's own code would hold it: the input of the baseline deciders.
 *
 * @param orderId the order id
 * @param customerId the customer id
 * @param eventTime the decision time (delivery or order time)
 * @param lines the order lines, at least one
 * @param consent whether the customer consented to surveys
 */
public record BenchOrder(String orderId, String customerId, Instant eventTime, List<BenchLine> lines,
        boolean consent) {

    /**
     * Validates the order.
     *
     * @throws NullPointerException if any reference is null
     * @throws IllegalArgumentException if there is no line
     */
    public BenchOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(eventTime, "eventTime");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty");
        }
    }

    /**
     * Returns the sum of the line values.
     *
     * @return the order value
     */
    public BigDecimal value() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BenchLine line : lines) {
            sum = sum.add(line.value());
        }
        return sum;
    }
}
