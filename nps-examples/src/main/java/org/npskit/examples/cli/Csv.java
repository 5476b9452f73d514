package org.npskit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 4180 reader: comma separated, fields optionally in double quotes (with {@code ""} for a
 * quote, commas and line breaks inside), CRLF or LF line ends, an optional UTF-8 byte order mark,
 * strict UTF-8. Every cell remembers the line it starts on. Errors show a row or cell as its
 * {@linkplain BadInputException#excerpt excerpt} only (it may be a free-text comment).
 *
 * <p>A file is read as a stream, one record at a time ({@link Table#next()}), so its size is
 * bounded by what the caller keeps, not by the file. Bounds that keep hostile input cheap: a
 * record holds at most {@value #MAX_RECORD_CHARS} characters, a header no column name twice, and
 * a byte that is not UTF-8 is reported at its line and character.
 */
final class Csv {
  /** The most characters one record (a line, or several with quoted line breaks) may hold. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private Csv() {}

  /** One record: its cells and the line each cell starts on. */
  record Row(List<String> values, int[] lines) {
    int line() {
      return lines[0];
    }
  }

  /**
   * A CSV file being read: the header row, read when the file is opened, then the data rows one
   * at a time. Not thread-safe (confined to the command that reads it); close it when done.
   */
  static final class Table implements AutoCloseable {
    private final String file;
    private final Row header;
    private final Parser parser;
    private List<Row> rest;

    private Table(String file, Parser parser) {
      this.file = file;
      this.parser = parser;
      Row h = parser.next();
      if (h == null) {
        parser.close();
        throw new BadInputException(file
            + ":1:1: value \"\": the file is empty (a header row is required)");
      }
      this.header = h;
      requireDistinctNames(h);
      parser.width = h.values().size();
      parser.names = names();
    }

    /** The file name as given on the command line. */
    String file() {
      return file;
    }

    /** The header row. */
    Row header() {
      return header;
    }

    /**
     * The next data row, checked to have as many fields as the header.
     *
     * @return the row, or null at the end of the file
     * @throws BadInputException for a malformed or oversized record or invalid UTF-8
     */
    Row next() {
      if (rest != null) {
        throw new IllegalStateException("rows() already read the rest of " + file);
      }
      return parser.next();
    }

    /**
     * The remaining data rows, read on the first call and kept: for small files only (the demo's
     * samples, tests); commands stream with {@link #next()}.
     *
     * @return the rows
     */
    List<Row> rows() {
      if (rest == null) {
        List<Row> all = new ArrayList<>();
        for (Row r = parser.next(); r != null; r = parser.next()) {
          all.add(r);
        }
        rest = List.copyOf(all);
      }
      return rest;
    }

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

    /** A header naming a column twice is ambiguous: which one would a command read? */
    private void requireDistinctNames(Row h) {
      Map<String, Integer> seen = new HashMap<>();
      List<String> names = names();
      for (int i = 0; i < names.size(); i++) {
        Integer first = seen.putIfAbsent(names.get(i), i);
        if (first != null) {
          parser.close();
          throw BadInputException.at(file, h.lines()[i], i + 1, "", h.values().get(i),
              Text.f("the header names this column twice: column %d (line %d) and column %d "
                  + "(line %d); every column needs a name of its own", first + 1,
                  h.lines()[first], i + 1, h.lines()[i]));
        }
      }
    }

    @Override
    public void close() {
      parser.close();
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
      throw new BadInputException(BadInputException.quote(file) + ": not a valid file name: "
          + e.getReason(), e);
    }
  }

  /**
   * Opens a file named on the command line and reads its header.
   *
   * @param file the name as given
   * @return the table, positioned before the first data row; the caller closes it
   * @throws BadInputException if the file is missing, unreadable, empty, or its header is bad
   */
  static Table read(String file) {
    return read(path(file), file);
  }

  static Table read(Path path, String displayName) {
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new BadInputException(displayName + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(displayName + ": cannot read: " + e.getMessage(), e);
    }
    return new Table(displayName, new Parser(new Utf8(in, displayName), displayName));
  }

  /**
   * Parses a text already in memory (the demo's samples, tests).
   *
   * @param text the file's text, a leading byte order mark allowed
   * @param file the name shown in errors
   * @return the table
   */
  static Table parse(String text, String file) {
    return new Table(file, new Parser(new Utf8(text), file));
  }

  /**
   * Strict UTF-8 characters from a stream (or a text): a malformed byte sequence is not
   * replaced but reported, once every character before it was consumed, as {@link Invalid}.
   */
  static final class Utf8 {
    private final InputStream in;
    private final String file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes;
    private final CharBuffer chars;
    private boolean eof;
    private boolean flushed;
    private CoderResult error;

    Utf8(InputStream in, String file) {
      this.in = in;
      this.file = file;
      this.bytes = ByteBuffer.allocate(1 << 16);
      this.bytes.flip();
      this.chars = CharBuffer.allocate(1 << 16);
      this.chars.flip();
    }

    Utf8(String text) {
      this.in = null;
      this.file = null;
      this.bytes = null;
      this.chars = CharBuffer.wrap(text);
      this.eof = true;
    }

    /**
     * The next character, or -1 at the end.
     *
     * @throws Invalid at a byte that is not UTF-8
     * @throws BadInputException when the stream cannot be read
     */
    int read() {
      if (chars.hasRemaining()) {
        return chars.get();
      }
      if (in == null || flushed) {
        return -1;
      }
      fill();
      return chars.hasRemaining() ? chars.get() : -1;
    }

    private void fill() {
      chars.clear();
      try {
        while (chars.position() == 0) {
          if (error != null) {
            throw new Invalid(bytes, error.length());
          }
          if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
            if (!eof) {
              bytes.compact();
              int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
              if (n < 0) {
                eof = true;
              } else {
                bytes.position(bytes.position() + n);
              }
              bytes.flip();
            }
          }
          CoderResult r = decoder.decode(bytes, chars, eof);
          if (r.isError()) {
            error = r;
          } else if (eof && r.isUnderflow()) {
            decoder.flush(chars);
            flushed = true;
            break;
          }
        }
      } catch (IOException e) {
        throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
      } finally {
        chars.flip();
      }
    }

    void close() {
      if (in != null) {
        try {
          in.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** A byte sequence that is not UTF-8; the reader stops there. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hex;

    Invalid(ByteBuffer bytes, int length) {
      super(null, null, false, false);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
        sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X",
            bytes.get(bytes.position() + i) & 0xFF));
      }
      this.hex = sb.toString();
    }

    /** The offending bytes in hexadecimal, for example {@code 0xFF} or {@code 0xC3 0x28}. */
    String bytes() {
      return hex;
    }
  }

  /** The record parser. Not thread-safe. */
  private static final class Parser {
    private final Utf8 in;
    private final String file;
    /** The header's number of fields once it is read; -1 while reading the header. */
    int width = -1;
    /** The header's names once it is read, for messages. */
    List<String> names = List.of();
    private int line = 1;
    /** The characters (code points) read on the current line so far. */
    private int column;
    private int pending = -2;
    private boolean first = true;

    Parser(Utf8 in, String file) {
      this.in = in;
      this.file = file;
    }

    void close() {
      in.close();
    }

    private int peek(List<String> values, StringBuilder field) {
      if (pending == -2) {
        try {
          pending = in.read();
        } catch (Invalid e) {
          throw BadInputException.at(file, line, values.size() + 1, name(values.size()),
              field.toString(), Text.f("the file is not valid UTF-8: byte %s at character %d "
                  + "of line %d", e.bytes(), column + 1, line));
        }
        if (first) {
          first = false;
          if (pending == '\uFEFF') {
            pending = -2;
            return peek(values, field);
          }
        }
      }
      return pending;
    }

    private void consume(int c) {
      pending = -2;
      if (c == '\n') {
        if (line == Integer.MAX_VALUE) {
          throw new BadInputException(file + ": more than " + Integer.MAX_VALUE + " lines");
        }
        line++;
        column = 0;
      } else if (!Character.isLowSurrogate((char) c)) {
        column++;
      }
    }

    private String name(int field) {
      return field < names.size() ? names.get(field) : "";
    }

    /** The next non-blank record, or null at the end. */
    Row next() {
      while (true) {
        if (peek(List.of(), new StringBuilder()) == -1) {
          return null;
        }
        Row r = record();
        if (r != null) {
          if (width >= 0 && r.values().size() != width) {
            int col = Math.min(r.values().size(), width) + 1;
            throw BadInputException.at(file, r.line(), col, "", String.join(",", r.values()),
                String.format(Locale.ROOT, "the row has %d fields, the header has %d",
                    r.values().size(), width));
          }
          return r;
        }
      }
    }

    /** One record; null for a blank line. */
    private Row record() {
      List<String> values = new ArrayList<>(width > 0 ? width : 8);
      int[] lines = new int[width > 0 ? width : 8];
      int recordLine = line;
      int length = 0;
      boolean quoted = false;
      while (true) {
        if (values.size() == lines.length) {
          lines = Arrays.copyOf(lines, lines.length * 2);
        }
        lines[values.size()] = line;
        StringBuilder field = new StringBuilder();
        int c = peek(values, field);
        if (c == '"') {
          quoted = true;
          int startLine = line;
          consume(c);
          while (true) {
            c = peek(values, field);
            if (c == -1) {
              throw BadInputException.at(file, startLine, values.size() + 1, "",
                  field.toString(), "quoted field is not closed");
            }
            consume(c);
            if (c == '"') {
              if (peek(values, field) == '"') {
                consume('"');
                field.append('"');
              } else {
                break;
              }
            } else {
              field.append((char) c);
            }
            length = checkLength(length + 1, recordLine, values, field);
          }
          c = peek(values, field);
          if (c != -1 && c != ',' && c != '\n' && c != '\r') {
            throw BadInputException.at(file, line, values.size() + 1, "", field.toString(),
                "unexpected character '" + BadInputException.escape(String.valueOf((char) c))
                    + "' after a closing quote");
          }
        } else {
          while (c != -1 && c != ',' && c != '\n' && c != '\r') {
            if (c == '"') {
              throw BadInputException.at(file, line, values.size() + 1, "",
                  field.toString() + '"',
                  "a quote inside an unquoted field (quote the whole field and double the quote)");
            }
            consume(c);
            field.append((char) c);
            length = checkLength(length + 1, recordLine, values, field);
            c = peek(values, field);
          }
        }
        values.add(field.toString());
        if (c == -1) {
          break;
        }
        consume(c);
        if (c == ',') {
          continue;
        }
        if (c == '\r') {
          line++;
          column = 0;
          if (peek(values, field) == '\n') {
            pending = -2;
          }
        }
        break;
      }
      if (!quoted && values.size() == 1 && values.get(0).isEmpty()) {
        return null;
      }
      int[] l = Arrays.copyOf(lines, values.size());
      l[0] = recordLine;
      return new Row(Collections.unmodifiableList(values), l);
    }

    private int checkLength(int length, int recordLine, List<String> values,
        StringBuilder field) {
      if (length > MAX_RECORD_CHARS) {
        throw BadInputException.at(file, recordLine, values.size() + 1, "", field.toString(),
            Text.f("the record is longer than %d characters; a line of a CSV file must be "
                + "shorter (is this a CSV file?)", MAX_RECORD_CHARS));
      }
      return length;
    }
  }
}
