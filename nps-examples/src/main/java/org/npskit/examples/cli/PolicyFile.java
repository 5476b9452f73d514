package org.npskit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npskit.policy.SurveyPolicy;

/**
 * Loads a policy properties file: strict UTF-8 (a bad byte is named by line and character), an
 * optional byte order mark, at most {@value #MAX_BYTES} bytes, each key once (a key set twice is
 * an error naming both lines, never "the last one wins"). Errors name the file, the line and
 * the offending entry. Stateless.
 */
final class PolicyFile {
  /** The largest policy file read: a policy is a few dozen lines. */
  static final int MAX_BYTES = 1 << 20;

  private static final Pattern KEY = Pattern.compile("nps\\.policy\\.[^=:\\s]+");

  private PolicyFile() {}

  static SurveyPolicy load(String file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(Csv.path(file))) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new BadInputException(Text.f("%s: larger than %d bytes; a policy file holds a few "
          + "nps.policy. settings (is this a policy file?)", file, MAX_BYTES));
    }
    return parse(decode(bytes, file), file);
  }

  /** The text of the bytes, strict UTF-8; a bad byte names its line and character. */
  private static String decode(byte[] bytes, String file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String text = before.substring(lineStart);
      throw BadInputException.atPolicyLine(file, line, "", text, Text.f("the file is not valid "
          + "UTF-8: byte 0x%02X at character %d of line %d", bytes[in.position()] & 0xFF,
          text.codePointCount(0, text.length()) + 1, line));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  static SurveyPolicy parse(String text, String file) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Properties p = new Properties();
    Map<String, Integer> lines = new HashMap<>();
    Map<Integer, String> shown = new HashMap<>();
    int line = 1;
    int i = 0;
    while (i < s.length()) {
      // One logical line: natural lines joined while one ends in an odd number of backslashes.
      int start = i;
      int startLine = line;
      boolean continued;
      boolean first = true;
      boolean comment = false;
      do {
        int end = i;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
          end++;
        }
        if (first) {
          // Leading white space as Properties reads it: space, tab, form feed.
          int k = i;
          while (k < end && (s.charAt(k) == ' ' || s.charAt(k) == '\t' || s.charAt(k) == '\f')) {
            k++;
          }
          comment = k == end || s.charAt(k) == '#' || s.charAt(k) == '!';
          first = false;
        }
        int slashes = 0;
        for (int k = end - 1; k >= i && s.charAt(k) == '\\'; k--) {
          slashes++;
        }
        continued = !comment && slashes % 2 == 1;
        if (end + 1 < s.length() && s.charAt(end) == '\r' && s.charAt(end + 1) == '\n') {
          i = end + 2;
        } else {
          i = Math.min(s.length(), end + 1);
        }
        line++;
      } while (continued && i < s.length());
      if (comment) {
        continue;
      }
      String entry = s.substring(start, i);
      Properties one = new Properties();
      try {
        one.load(new StringReader(entry));
      } catch (IOException | IllegalArgumentException e) {
        throw BadInputException.atPolicyLine(file, startLine, "", entry.strip(),
            "malformed properties: " + e.getMessage());
      }
      for (String key : one.stringPropertyNames()) {
        Integer before = lines.putIfAbsent(key, startLine);
        if (before != null) {
          throw BadInputException.atPolicyLine(file, startLine, key, entry.strip(), Text.f(
              "%s is set twice: on line %d and on line %d; keep one", key, before, startLine));
        }
        shown.put(startLine, entry.strip());
        p.setProperty(key, one.getProperty(key));
      }
    }
    try {
      return SurveyPolicy.fromProperties(p);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid policy" : e.getMessage();
      Matcher m = KEY.matcher(message);
      while (m.find()) {
        String key = m.group().replaceAll("[,.;)'\"]+$", "");
        Integer at = lines.get(key);
        if (at != null) {
          throw BadInputException.atPolicyLine(file, at, key, shown.get(at), message);
        }
      }
      throw new BadInputException(file + ":1:1: value \"\": " + message, e);
    }
  }
}
