package org.npskit.examples.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An RFC 4180 reader: comma separated, fields optionally in double quotes (with {@code ""} for a
 * quote, commas and line breaks inside), CRLF or LF line ends, an optional UTF-8 byte order mark,
 * strict UTF-8. Every cell remembers the line it starts on. Errors show a row or cell as its
 * {@linkplain BadInputException#excerpt excerpt} only (it may be a free-text comment). Stateless
 * and thread-safe.
 */
final class Csv {

  private Csv() {}

  /** One record: its cells and the line each cell starts on. */
  record Row(List<String> values, int[] lines) {
    int line() {
      return lines[0];
    }
  }

  /** A parsed file: the header row and the data rows. */
  record Table(String file, Row header, List<Row> rows) {

    /**
     * The 0-based index of a header, or -1.
     *
     * @param name the column header, compared exactly after trimming
     * @return the index or -1
     */
    int column(String name) {
      List<String> h = header.values();
      for (int i = 0; i < h.size(); i++) {
        if (h.get(i).strip().equals(name)) {
          return i;
        }
      }
      return -1;
    }

    /** The column headers, stripped, in file order. */
    List<String> names() {
      return header.values().stream().map(String::strip).toList();
    }

    int required(String name) {
      int c = column(name);
      if (c < 0) {
        throw BadInputException.at(
            file, header.line(), header.values().size() + 1, "", String.join(",", header.values()),
            "required column '" + name + "' is missing from the header"
                + Suggest.nearest(name, names()).map(n -> " (did you mean '"
                    + BadInputException.excerpt(n) + "'?)").orElse(""));
      }
      return c;
    }

    BadInputException error(Row row, int column, String problem) {
      return BadInputException.at(
          file, row.lines()[column], column + 1, header.values().get(column).strip(),
          row.values().get(column), problem);
    }
  }

  /**
   * The path of a file named on the command line.
   *
   * @param file the name as given
   * @return the path
   * @throws BadInputException if the name is no valid path (for example, it holds a NUL)
   */
  static Path path(String file) {
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw new BadInputException("\"" + file + "\": not a valid file name: " + e.getReason(), e);
    }
  }

  /** Reads a file named on the command line. */
  static Table read(String file) {
    return read(path(file), file);
  }

  static Table read(Path path, String displayName) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new BadInputException(displayName + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(displayName + ": cannot read: " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(displayName + ":1:1: value \"?\": the file is not valid UTF-8");
    }
    return parse(text, displayName);
  }

  static Table parse(String text, String file) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    int i = 0;
    int line = 1;
    int n = s.length();
    while (i < n) {
      List<String> values = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      int recordLine = line;
      boolean endOfRecord = false;
      boolean quoted = false;
      while (!endOfRecord) {
        lines.add(line);
        StringBuilder field = new StringBuilder();
        if (i < n && s.charAt(i) == '"') {
          quoted = true;
          int startLine = line;
          i++;
          while (true) {
            if (i >= n) {
              throw BadInputException.at(file, startLine, values.size() + 1, "", field.toString(),
                  "quoted field is not closed");
            }
            char c = s.charAt(i);
            if (c == '"') {
              if (i + 1 < n && s.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
              } else {
                i++;
                break;
              }
            } else {
              if (c == '\n') {
                line++;
              }
              field.append(c);
              i++;
            }
          }
          if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            throw BadInputException.at(file, line, values.size() + 1, "", field.toString(),
                String.format(Locale.ROOT, "unexpected character '%c' after a closing quote",
                    s.charAt(i)));
          }
        } else {
          while (i < n) {
            char c = s.charAt(i);
            if (c == ',' || c == '\n' || c == '\r') {
              break;
            }
            if (c == '"') {
              throw BadInputException.at(file, line, values.size() + 1, "", field.toString() + c,
                  "a quote inside an unquoted field (quote the whole field and double the quote)");
            }
            field.append(c);
            i++;
          }
        }
        values.add(field.toString());
        if (i >= n) {
          endOfRecord = true;
        } else if (s.charAt(i) == ',') {
          i++;
        } else {
          if (s.charAt(i) == '\r') {
            i++;
          }
          if (i < n && s.charAt(i) == '\n') {
            i++;
          }
          line++;
          endOfRecord = true;
        }
      }
      boolean blank = !quoted && values.size() == 1 && values.get(0).isEmpty();
      if (!blank) {
        int[] l = lines.stream().mapToInt(Integer::intValue).toArray();
        if (l.length > 0) {
          l[0] = recordLine;
        }
        rows.add(new Row(List.copyOf(values), l));
      }
    }
    if (rows.isEmpty()) {
      throw new BadInputException(file + ":1:1: value \"\": the file is empty (a header row is required)");
    }
    Row header = rows.get(0);
    List<Row> data = rows.subList(1, rows.size());
    for (Row r : data) {
      if (r.values().size() != header.values().size()) {
        int col = Math.min(r.values().size(), header.values().size()) + 1;
        throw BadInputException.at(file, r.line(), col, "", String.join(",", r.values()),
            String.format(Locale.ROOT, "the row has %d fields, the header has %d",
                r.values().size(), header.values().size()));
      }
    }
    return new Table(file, header, List.copyOf(data));
  }
}
