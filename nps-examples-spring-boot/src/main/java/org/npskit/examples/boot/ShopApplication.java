package org.npskit.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop back end on the npskit Spring Boot starter. The order system posts every delivery
 * to {@code POST /deliveries} ({@link DeliveryController}) and gets npskit's decision back; the
 * gate, its policy and its store come from the starter and {@code application.yml} alone, with
 * {@code /actuator/health/npskit} and {@code /actuator/metrics/npskit.decisions} beside it.
 *
 * <p>Run it with {@code java -jar nps-examples-spring-boot/target/npskit-shop.jar} (H2 in memory)
 * or add {@code --spring.profiles.active=postgres} for PostgreSQL (see the module's README).
 */
@SpringBootApplication
public class ShopApplication {

  /** Created by Spring. */
  public ShopApplication() {}

  /**
   * Starts the shop.
   *
   * @param args Spring Boot's command-line arguments, e.g. {@code --server.port=9090}
   */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
