package org.npskit.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Reproducible decision workload: a catalogue, a customer base whose every member holds one past
 * survey, and a stream of orders to decide. Order {@code seq} is the template {@code seq mod 65536}
 * with a fresh order id and an event time {@link #stepSeconds()} after order {@code seq - 1}, chosen
 * so that a customer orders about {@value #ORDERS_PER_CUSTOMER_YEAR} times a year of simulated time
 * (at a million customers: one order every 5 simulated seconds).
 */
public final class DecisionWorkload {

    /** Event time of order 0. */
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Orders per customer and simulated year. */
    public static final int ORDERS_PER_CUSTOMER_YEAR = 6;

    private static final int TEMPLATES = 1 << 16;
    private static final long YEAR = Duration.ofDays(365).toSeconds();

    /** A category of the catalogue with its price range and share of lines. */
    private record Department(String category, int minEuros, int maxEuros, int weight,
            boolean installable) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("tv/oled", 600, 2500, 6, true),
            new Department("tv/accessories/mounts", 20, 120, 4, true),
            new Department("printing/toner/laser", 30, 120, 14, false),
            new Department("printing/printers", 80, 400, 4, false),
            new Department("gift-cards", 10, 100, 6, false),
            new Department("accessories/cables", 5, 30, 16, false),
            new Department("appliances/washing", 300, 900, 6, true),
            new Department("computers/laptops", 400, 2000, 8, false),
            new Department("phones/cases", 8, 40, 16, false),
            new Department("kitchen/coffee", 40, 600, 20, false));

    /** One line template. */
    private record Template(int customer, List<BenchLine> lines, boolean consent) {
    }

    private final long stepSeconds;
    private final String[] customerIds;
    private final long[] pastSurvey;
    private final BenchLine[] catalogue;
    private final Template[] templates;

    /**
     * Generates a workload.
     *
     * @param customers the number of customers, at least 1
     * @param seed the random seed
     * @throws IllegalArgumentException if {@code customers} is below 1
     */
    public DecisionWorkload(int customers, long seed) {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be >= 1, was " + customers);
        }
        SplittableRandom random = new SplittableRandom(seed);
        stepSeconds = Math.max(1, YEAR / ((long) ORDERS_PER_CUSTOMER_YEAR * customers));
        customerIds = new String[customers];
        pastSurvey = new long[customers];
        for (int i = 0; i < customers; i++) {
            customerIds[i] = "C" + (100_000_000 + i);
            pastSurvey[i] = T0.getEpochSecond() - 1 - random.nextLong(YEAR);
        }
        catalogue = new BenchLine[400];
        int totalWeight = DEPARTMENTS.stream().mapToInt(Department::weight).sum();
        for (int s = 0; s < catalogue.length; s++) {
            int pick = random.nextInt(totalWeight);
            Department department = DEPARTMENTS.get(0);
            for (Department d : DEPARTMENTS) {
                if (pick < d.weight()) {
                    department = d;
                    break;
                }
                pick -= d.weight();
            }
            int cents = 100 * department.minEuros()
                    + random.nextInt(100 * (department.maxEuros() - department.minEuros()) + 1);
            boolean installation = department.installable() && random.nextInt(3) == 0;
            catalogue[s] = new BenchLine("SKU-" + (1000 + s), department.category(),
                    BigDecimal.valueOf(cents, 2), 1,
                    installation ? Set.of("INSTALLATION") : Set.of());
        }
        templates = new Template[TEMPLATES];
        for (int t = 0; t < TEMPLATES; t++) {
            int lineCount = 1 + random.nextInt(3);
            List<BenchLine> lines = new ArrayList<>(lineCount);
            for (int l = 0; l < lineCount; l++) {
                BenchLine item = catalogue[random.nextInt(catalogue.length)];
                int quantity = random.nextInt(4) == 0 ? 2 + random.nextInt(3) : 1;
                lines.add(new BenchLine(item.sku(), item.category(), item.unitPrice(), quantity,
                        item.services()));
            }
            templates[t] = new Template(random.nextInt(customers), List.copyOf(lines),
                    random.nextInt(50) != 0);
        }
    }

    /**
     * Returns the number of customers.
     *
     * @return the customer count
     */
    public int customers() {
        return customerIds.length;
    }

    /**
     * Returns the simulated seconds between two consecutive orders.
     *
     * @return the step, at least 1
     */
    public long stepSeconds() {
        return stepSeconds;
    }

    /**
     * Returns a customer's id.
     *
     * @param customer the customer index
     * @return the id
     */
    public String customerId(int customer) {
        return customerIds[customer];
    }

    /**
     * Returns the time of the customer's one past survey, within the year before {@link #T0}.
     *
     * @param customer the customer index
     * @return epoch seconds
     */
    public long pastSurveyEpochSecond(int customer) {
        return pastSurvey[customer];
    }

    /**
     * Returns the order id of the customer's one past survey.
     *
     * @param customer the customer index
     * @return the order id
     */
    public String pastOrderId(int customer) {
        return "P" + customer;
    }

    /**
     * Returns the SKU the customer's past survey was about.
     *
     * @param customer the customer index
     * @return a catalogue line (quantity 1)
     */
    public BenchLine pastSubject(int customer) {
        return catalogue[customer % catalogue.length];
    }

    /**
     * Returns the number of distinct order templates.
     *
     * @return the template count, a power of two
     */
    public int templateCount() {
        return TEMPLATES;
    }

    /**
     * Returns the lines of a template (immutable, shared between calls).
     *
     * @param template the template index
     * @return the lines
     */
    public List<BenchLine> templateLines(int template) {
        return templates[template].lines();
    }

    /**
     * Returns order number {@code seq} of the stream.
     *
     * @param seq the sequence number, at least 0
     * @return the order
     */
    public BenchOrder order(long seq) {
        Template template = templates[(int) (seq & (TEMPLATES - 1))];
        return new BenchOrder("O" + seq, customerIds[template.customer()],
                T0.plusSeconds(seq * stepSeconds), template.lines(), template.consent());
    }
}
