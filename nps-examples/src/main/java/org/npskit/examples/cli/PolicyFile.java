package org.npskit.examples.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.npskit.policy.SurveyPolicy;

/** Loads a policy properties file; errors name the file, line, column and the offending entry. */
final class PolicyFile {
  private static final Pattern KEY = Pattern.compile("nps\\.policy\\.[^=:\\s]+");

  private PolicyFile() {}

  static SurveyPolicy load(String file) {
    String text;
    try {
      text = Files.readString(Csv.path(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(text, file);
  }

  static SurveyPolicy parse(String text, String file) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new BadInputException(file + ": malformed properties: " + e.getMessage(), e);
    }
    try {
      return SurveyPolicy.fromProperties(p);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? "invalid policy" : e.getMessage();
      Matcher m = KEY.matcher(message);
      List<String> lines = text.lines().toList();
      if (m.find()) {
        String key = m.group();
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).strip();
          if (l.startsWith(key) && (l.length() == key.length()
              || "=: \t".indexOf(l.charAt(key.length())) >= 0)) {
            throw BadInputException.atPolicyLine(file, i + 1, key, l, message);
          }
        }
      }
      throw new BadInputException(file + ":1:1: value \"\": " + message, e);
    }
  }
}
