package org.npskit.examples.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shop's HTTP API through the JDK's HTTP client, as another service would call it. */
final class ShopClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: status, content type and the body as JSON (null when empty). */
  record Reply(int status, String contentType, JsonNode json) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  ShopClient(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** POST /deliveries with the delivery's JSON. */
  Reply deliver(Map<String, Object> delivery) {
    return post("/deliveries", JSON.writeValueAsString(delivery));
  }

  Reply post(String path, String body) {
    return send(HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  /** The value of a meter's statistic ({@code COUNT}, {@code TOTAL_TIME}), 0 before its first use. */
  double meter(String name, String statistic, String... tags) {
    StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
    for (int i = 0; i < tags.length; i++) {
      path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
    }
    Reply reply = get(path.toString());
    if (reply.status() == 404) {
      return 0;
    }
    if (reply.status() != 200) {
      throw new AssertionError("GET " + path + ": " + reply);
    }
    for (JsonNode m : reply.json().get("measurements")) {
      if (m.get("statistic").asString().equals(statistic)) {
        return m.get("value").asDouble();
      }
    }
    throw new AssertionError("no " + statistic + " in " + reply.json());
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Reply(response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          body.isEmpty() ? null : JSON.readTree(body));
    } catch (IOException e) {
      throw new AssertionError("the shop did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A delivery of one customer and account, ordered and delivered at the given instants. */
  static Map<String, Object> delivery(String orderId, String customerId, String accountId,
      String orderedAt, String deliveredAt, List<Map<String, Object>> lines) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("orderId", orderId);
    d.put("customerId", customerId);
    d.put("accountId", accountId);
    d.put("orderedAt", orderedAt);
    d.put("deliveredAt", deliveredAt);
    d.put("lines", new ArrayList<>(lines));
    return d;
  }

  /** An order line priced in EUR. */
  static Map<String, Object> line(String sku, String category, String unitPrice, int quantity,
      String... services) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("sku", sku);
    l.put("category", category);
    l.put("unitPrice", unitPrice);
    l.put("quantity", quantity);
    l.put("currency", "EUR");
    l.put("services", Arrays.asList(services));
    return l;
  }
}
