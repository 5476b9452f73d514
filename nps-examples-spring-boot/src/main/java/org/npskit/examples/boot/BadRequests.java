package org.npskit.examples.boot;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * HTTP 400 for a bad delivery, as an RFC 9457 problem ({@code application/problem+json}) whose
 * {@code detail} names the field and the value: the library's message for a field it rejects,
 * the JSON path and Jackson's finding for a body that does not read as a delivery. Stateless.
 */
@RestControllerAdvice
public class BadRequests {

  /** Created by Spring. */
  public BadRequests() {}

  /**
   * A delivery with a missing or invalid field.
   *
   * @param e the finding
   * @return the problem
   */
  @ExceptionHandler(BadDeliveryException.class)
  public ProblemDetail badDelivery(BadDeliveryException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /**
   * A body that is no JSON, or JSON that is no delivery (an unknown field, a wrong type).
   *
   * @param e Spring's exception, with Jackson's as its cause when the body was read
   * @return the problem
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message(e));
  }

  static String message(HttpMessageNotReadableException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof UnrecognizedPropertyException unknown) {
        Collection<Object> known = unknown.getKnownPropertyIds();
        return path(unknown) + ": unknown field, expected one of "
            + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
      }
      if (t instanceof DatabindException mismatch) {
        String path = path(mismatch);
        return (path.isEmpty() ? "request body" : path) + ": " + mismatch.getOriginalMessage();
      }
      if (t instanceof JacksonException syntax) {
        // Jackson adds where an unclosed object started, with a redacted source: say it once.
        String finding = syntax.getOriginalMessage().replaceFirst(" \\(start marker at .*$", "");
        TokenStreamLocation at = syntax.getLocation();
        return at == null
            ? "request body is not valid JSON: " + finding
            : String.format(Locale.ROOT, "request body is not valid JSON at line %d, column %d: %s",
                at.getLineNr(), at.getColumnNr(), finding);
      }
    }
    return "request body is missing: POST a delivery as JSON";
  }

  /** {@code lines[0].unitPrice}, from Jackson's reference chain. */
  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
