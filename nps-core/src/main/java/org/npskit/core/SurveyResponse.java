package org.npskit.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A generic survey response: who answered what, when, with free attributes (store, channel, ...)
 * and a comment.
 *
 * <p>Immutable and thread-safe. No component is null: the comment is "" when there is none.
 *
 * @param id the response id
 * @param customerId the customer's id
 * @param score the score on the 0-10 scale
 * @param answeredAt when the response was given
 * @param attributes free attributes (copied, no null keys or values)
 * @param comment the comment, "" when there is none
 */
public record SurveyResponse(
    String id,
    String customerId,
    int score,
    Instant answeredAt,
    Map<String, String> attributes,
    String comment) {
  /**
   * Validates the response.
   *
   * @param id see the record component
   * @param customerId see the record component
   * @param score see the record component
   * @param answeredAt see the record component
   * @param attributes see the record component
   * @param comment see the record component
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the score is outside 0..10
   */
  public SurveyResponse {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Scale.ZERO_TO_TEN.validate(score);
    Objects.requireNonNull(answeredAt, "answeredAt");
    Objects.requireNonNull(attributes, "attributes");
    attributes.forEach((name, value) -> {
      Objects.requireNonNull(name, "attributes: a null name");
      Objects.requireNonNull(value, () -> "attributes[" + name + "]");
    });
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(comment, "comment");
  }

  /**
   * A response without attributes or comment.
   *
   * @param id the response id
   * @param customerId the customer's id
   * @param score the score, 0 to 10
   * @param answeredAt when it was given
   * @return the response
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the score is outside 0..10
   */
  public static SurveyResponse of(String id, String customerId, int score, Instant answeredAt) {
    return new SurveyResponse(id, customerId, score, answeredAt, Map.of(), "");
  }

  /**
   * The NPS category of the score.
   *
   * @return the category
   */
  public Category category() {
    return Category.of(score);
  }

  /**
   * The comment, if one was given.
   *
   * @return the comment, or empty when it is blank
   */
  public Optional<String> commentText() {
    return comment.isBlank() ? Optional.empty() : Optional.of(comment);
  }

  /**
   * One attribute.
   *
   * @param name the attribute name
   * @return its value, or empty
   * @throws NullPointerException if name is null
   */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(Objects.requireNonNull(name, "name")));
  }
}
