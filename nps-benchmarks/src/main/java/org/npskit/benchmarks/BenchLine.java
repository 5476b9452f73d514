package org.npskit.benchmarks;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * One order line as a shop's own code would hold it: the input of the baseline deciders.
 *
 * @param sku the stock keeping unit
 * @param category the category path, segments separated by {@code /}
 * @param unitPrice the unit price in euros
 * @param quantity the quantity, at least 1
 * @param services services booked with the line, upper case (e.g. {@code INSTALLATION})
 */
public record BenchLine(String sku, String category, BigDecimal unitPrice, int quantity,
        Set<String> services) {

    /**
     * Validates the line.
     *
     * @throws NullPointerException if any reference is null
     * @throws IllegalArgumentException if the quantity is below 1
     */
    public BenchLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unitPrice, "unitPrice");
        services = Set.copyOf(Objects.requireNonNull(services, "services"));
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1, was " + quantity);
        }
    }

    /**
     * Returns unit price times quantity.
     *
     * @return the line value
     */
    public BigDecimal value() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
