package org.touming.content.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.touming.content.Mark;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML that content is written in — block mappings and sequences, one-line flow
 * collections, plain and quoted one-line scalars, comments — straight into a {@link Node} tree, ten
 * times faster than SnakeYAML through Jackson. It declines (empty) anything else: multi-line
 * scalars, anchors, tags, tabs, documents markers, unusual line breaks, any construct it is not
 * sure of, and every error, so that {@link YamlTreeReader} hands such a file to SnakeYAML and the
 * result or diagnostic is the same as before. Where it reads a file, its tree equals SnakeYAML's:
 * the same values, types, texts and positions ({@code YamlSubsetTest} compares them on every
 * fixture and on thousands of mutations).
 */
final class YamlSubset {
  // SnakeYAML's YAML 1.1 rules for plain scalars, exactly as Jackson's YAMLParser applies them.
  private static final Resolver RESOLVER = new Resolver();
  private static final int MAX_DEPTH = 60;
  private static final int MAX_KEY = 200;

  private final String text;
  // Read by index rather than through String.charAt: the quick compiler a small site's build runs
  // with calls out to a bounds check for every character of a Chinese text.
  private final char[] chars;
  private final boolean surrogates;
  // Content lines only (blank and comment lines are skipped): start of the line, first non-space
  // character, end (before any \r\n), and the line's 1-based number in the file.
  private final int[] starts;
  private final int[] firsts;
  private final int[] ends;
  private final int[] numbers;
  private final int count;
  private final List<Duplicate> duplicates = new ArrayList<>();
  private int li;

  /** A key written twice, reported only once the whole file has been read. */
  record Duplicate(Mark mark, String message) {}

  /** The tree and the duplicate keys found, or empty when SnakeYAML must read this text. */
  record Result(Node root, List<Duplicate> duplicates) {}

  private static final class Decline extends RuntimeException {
    private static final Decline INSTANCE = new Decline();

    private Decline() {
      super(null, null, false, false);
    }
  }

  private YamlSubset(String text, char[] chars, int lines, boolean surrogates) {
    this.text = text;
    this.chars = chars;
    this.surrogates = surrogates;
    starts = new int[lines];
    firsts = new int[lines];
    ends = new int[lines];
    numbers = new int[lines];
    int n = 0;
    int number = 0;
    int at = 0;
    int length = text.length();
    while (at <= length) {
      number++;
      int nl = text.indexOf('\n', at);
      int end = nl < 0 ? length : nl;
      int contentEnd = end > at && chars[end - 1] == '\r' ? end - 1 : end;
      int first = at;
      while (first < contentEnd && chars[first] == ' ') {
        first++;
      }
      if (first < contentEnd && chars[first] != '#') {
        starts[n] = at;
        firsts[n] = first;
        ends[n] = contentEnd;
        numbers[n] = number;
        n++;
      }
      if (nl < 0) {
        break;
      }
      at = nl + 1;
    }
    count = n;
  }

  static Optional<Result> read(String text) {
    if (text.length() > 16 * 1024 * 1024) {
      return Optional.empty();
    }
    char[] chars = text.toCharArray();
    int lines = 1;
    boolean surrogates = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c == '\n') {
        lines++;
      } else if (c < 0x20 && c != '\r') {
        return Optional.empty(); // tabs and control characters
      } else if (c == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
        return Optional.empty();
      } else if (c >= 0x7f && !printable(c)) {
        return Optional.empty();
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c)
            || i + 1 == chars.length
            || !Character.isLowSurrogate(chars[i + 1])) {
          return Optional.empty();
        }
        surrogates = true;
        i++;
      }
    }
    YamlSubset reader = new YamlSubset(text, chars, lines, surrogates);
    try {
      return Optional.ofNullable(reader.document());
    } catch (Decline | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * Characters from U+007F that YAML allows unescaped and that break no line (YAML 1.1 also breaks
   * lines at U+0085, U+2028 and U+2029); a byte order mark is left to SnakeYAML.
   */
  private static boolean printable(char c) {
    return (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
        || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
        || Character.isSurrogate(c);
  }

  private Result document() {
    if (count == 0 || firsts[0] != starts[0]) {
      return null;
    }
    for (int i = 0; i < count; i++) {
      char c = chars[starts[i]];
      if ((c == '-' || c == '.') && text.startsWith(c == '-' ? "---" : "...", starts[i])) {
        return null; // document markers
      }
      if (c == '%') {
        return null;
      }
    }
    li = 0;
    Node root = entryLine(0) ? sequence(0, 1) : mapping(0, firsts[0], 1);
    if (li != count) {
      return null;
    }
    return new Result(root, List.copyOf(duplicates));
  }

  private static void decline() {
    throw Decline.INSTANCE;
  }

  private Mark mark(int line, int pos) {
    int column = surrogates ? text.codePointCount(starts[line], pos) + 1 : pos - starts[line] + 1;
    return new Mark(numbers[line], column);
  }

  private int indent(int line) {
    return firsts[line] - starts[line];
  }

  /** Whether the line is a sequence entry ("- " or a lone "-"). */
  private boolean entryLine(int line) {
    return entryAtPos(firsts[line], ends[line]);
  }

  /** A block mapping whose keys sit at column {@code indent}; its first key starts at pos. */
  private Node mapping(int indent, int pos, int depth) {
    if (depth > MAX_DEPTH) {
      decline();
    }
    Mark start = mark(li, pos);
    Map<String, Node.Field> fields = new LinkedHashMap<>();
    boolean first = true;
    while (li < count) {
      if (!first) {
        if (indent(li) < indent) {
          break;
        }
        if (indent(li) > indent || entryLine(li)) {
          decline();
        }
        pos = firsts[li];
      }
      first = false;
      int line = li;
      int end = ends[line];
      int colon = keyEnd(pos, end);
      if (colon < 0) {
        decline();
      }
      String name = Canonical.of(text.substring(pos, colon));
      Mark keyMark = mark(line, pos);
      int at = skipSpaces(colon + 1, end);
      Node value;
      if (at == end || chars[at] == '#') {
        value = nested(indent, depth);
      } else {
        value = inline(line, at, end, depth);
        li++;
        if (li < count && indent(li) > indent) {
          decline(); // a scalar continued on the next line, or an error
        }
      }
      put(fields, name, keyMark, value);
    }
    return new Node.MapNode(start, fields);
  }

  /** Adds a field; a key written twice keeps its first value and is reported, as SnakeYAML's is. */
  private void put(Map<String, Node.Field> fields, String name, Mark keyMark, Node value) {
    Node.Field previous = fields.get(name);
    if (previous != null) {
      duplicates.add(new Duplicate(keyMark, YamlTreeReader.duplicate(name, previous)));
    } else {
      fields.put(name, new Node.Field(name, keyMark, value));
    }
  }

  /** The value of a key with nothing after its colon: a block on the lines below it. */
  private Node nested(int indent, int depth) {
    li++;
    if (li == count || indent(li) < indent) {
      decline(); // an empty value: left to SnakeYAML
    }
    if (indent(li) == indent) {
      if (!entryLine(li)) {
        decline();
      }
      return sequence(indent, depth + 1); // a sequence at its key's indentation
    }
    return entryLine(li)
        ? sequence(indent(li), depth + 1)
        : mapping(indent(li), firsts[li], depth + 1);
  }

  /** A block sequence whose dashes sit at column {@code indent}. */
  private Node sequence(int indent, int depth) {
    if (depth > MAX_DEPTH) {
      decline();
    }
    Mark start = mark(li, firsts[li]);
    List<Node> items = new ArrayList<>();
    while (li < count && indent(li) == indent && entryLine(li)) {
      int line = li;
      int end = ends[line];
      int at = skipSpaces(firsts[line] + 1, end);
      if (at == end || chars[at] == '#') {
        li++;
        if (li == count || indent(li) <= indent) {
          decline();
        }
        items.add(
            entryLine(li)
                ? sequence(indent(li), depth + 1)
                : mapping(indent(li), firsts[li], depth + 1));
      } else if (entryAtPos(at, end)) {
        decline(); // "- - x"
      } else if (keyEnd(at, end) >= 0) {
        items.add(mapping(at - starts[line], at, depth + 1));
      } else {
        items.add(inline(line, at, end, depth));
        li++;
        if (li < count && indent(li) > indent) {
          decline();
        }
      }
    }
    if (li < count && indent(li) > indent) {
      decline();
    }
    return new Node.ListNode(start, items);
  }

  private boolean entryAtPos(int pos, int end) {
    return chars[pos] == '-' && (pos + 1 == end || chars[pos + 1] == ' ');
  }

  /**
   * Where the colon of a plain key starting at pos is ("key: ..." or "key:" at the end of the
   * line), or -1 when the line holds no such key; declines keys that YAML reads otherwise.
   */
  private int keyEnd(int pos, int end) {
    char c = chars[pos];
    if (c == '"' || c == '\'') {
      int close = quotedEnd(pos, end);
      int after = skipSpaces(close, end);
      if (after < end && chars[after] == ':') {
        decline(); // a quoted key
      }
      return -1;
    }
    if (c == '[' || c == '{') {
      return -1;
    }
    for (int i = pos; i < end; i++) {
      char x = chars[i];
      if (x == ':' && (i + 1 == end || chars[i + 1] == ' ')) {
        if (i == pos || chars[i - 1] == ' ' || i - pos > MAX_KEY || !plainStart(pos, end)) {
          decline();
        }
        return i;
      }
      if (x == '#' && chars[i - 1] == ' ') {
        return -1;
      }
    }
    return -1;
  }

  /** A value on the rest of this line, which must then hold nothing but a comment. */
  private Node inline(int line, int pos, int end, int depth) {
    char c = chars[pos];
    Node value;
    int after;
    if (c == '"' || c == '\'') {
      after = quotedEnd(pos, end);
      value = quotedScalar(line, pos, after);
    } else if (c == '[' || c == '{') {
      int[] at = {pos};
      value = flow(line, at, end, depth + 1);
      after = at[0];
    } else {
      int stop = plainEnd(pos, end, false);
      return plain(mark(line, pos), text.substring(pos, trimmed(pos, stop)));
    }
    int rest = skipSpaces(after, end);
    if (rest < end && (chars[rest] != '#' || rest == after)) {
      decline();
    }
    return value;
  }

  /** A flow collection on one line, from the bracket at {@code at[0]}; leaves at[0] after it. */
  private Node flow(int line, int[] at, int end, int depth) {
    if (depth > MAX_DEPTH) {
      decline();
    }
    int pos = at[0];
    boolean map = chars[pos] == '{';
    char close = map ? '}' : ']';
    Mark start = mark(line, pos);
    Map<String, Node.Field> fields = new LinkedHashMap<>();
    List<Node> items = new ArrayList<>();
    pos = skipSpaces(pos + 1, end);
    if (pos < end && chars[pos] == close) {
      at[0] = pos + 1;
      return map ? new Node.MapNode(start, fields) : new Node.ListNode(start, items);
    }
    while (true) {
      if (pos >= end) {
        decline();
      }
      String name = null;
      Mark keyMark = null;
      if (map) {
        int colon = flowKeyEnd(pos, end);
        name = Canonical.of(text.substring(pos, colon));
        keyMark = mark(line, pos);
        pos = skipSpaces(colon + 1, end);
        if (pos >= end) {
          decline();
        }
      }
      Node value;
      char c = chars[pos];
      if (c == '[' || c == '{') {
        int[] inner = {pos};
        value = flow(line, inner, end, depth + 1);
        pos = inner[0];
      } else if (c == '"' || c == '\'') {
        int after = quotedEnd(pos, end);
        value = quotedScalar(line, pos, after);
        pos = after;
      } else {
        int stop = plainEnd(pos, end, true);
        value = plain(mark(line, pos), text.substring(pos, trimmed(pos, stop)));
        pos = stop;
      }
      if (map) {
        put(fields, name, keyMark, value);
      } else {
        items.add(value);
      }
      pos = skipSpaces(pos, end);
      if (pos >= end) {
        decline();
      }
      char sep = chars[pos];
      if (sep == close) {
        at[0] = pos + 1;
        return map ? new Node.MapNode(start, fields) : new Node.ListNode(start, items);
      }
      if (sep != ',') {
        decline();
      }
      pos = skipSpaces(pos + 1, end);
      if (pos >= end || chars[pos] == close || chars[pos] == ',') {
        decline(); // a trailing or doubled comma
      }
    }
  }

  /**
   * Where a plain scalar starting at pos ends: at a comment or the end of the line, and in a flow
   * collection also at , [ ] { }. Declines a colon that YAML would read as a key's ("a: b: c").
   */
  private int plainEnd(int pos, int end, boolean flow) {
    if (!plainStart(pos, end)) {
      decline();
    }
    int stop = pos;
    while (stop < end) {
      char x = chars[stop];
      if (flow && (x == ',' || x == '[' || x == ']' || x == '{' || x == '}')) {
        break;
      }
      if (x == '#' && chars[stop - 1] == ' ') {
        if (flow) {
          decline();
        }
        break;
      }
      boolean colonEnds = stop + 1 == end || (flow ? " ,[]{}" : " ").indexOf(chars[stop + 1]) >= 0;
      if (x == ':' && colonEnds) {
        decline();
      }
      stop++;
    }
    return stop;
  }

  /** The end of text[pos, stop) without its trailing spaces. */
  private int trimmed(int pos, int stop) {
    while (stop > pos && chars[stop - 1] == ' ') {
      stop--;
    }
    return stop;
  }

  private Node quotedScalar(int line, int pos, int after) {
    return new Node.ScalarNode(mark(line, pos), quoted(pos, after), Node.ScalarType.STRING);
  }

  /** The colon of a plain key inside a flow mapping ("{key: value}"). */
  private int flowKeyEnd(int pos, int end) {
    if (!plainStart(pos, end)) {
      decline();
    }
    for (int i = pos; i < end && i - pos <= MAX_KEY; i++) {
      char x = chars[i];
      if (x == ':' && i + 1 < end && chars[i + 1] == ' ') {
        if (chars[i - 1] == ' ') {
          decline();
        }
        return i;
      }
      if (",[]{}#:".indexOf(x) >= 0) {
        decline();
      }
    }
    decline();
    return -1;
  }

  /** Whether a plain scalar may start at pos: not with an indicator YAML reads as syntax. */
  private boolean plainStart(int pos, int end) {
    char c = chars[pos];
    if (c == '-') {
      return pos + 1 < end && chars[pos + 1] != ' ';
    }
    return ",[]{}#&*!|>'\"%@`?:".indexOf(c) < 0;
  }

  /** The position after the closing quote of a quoted scalar that opens at pos on this line. */
  private int quotedEnd(int pos, int end) {
    char q = chars[pos];
    for (int i = pos + 1; i < end; i++) {
      char c = chars[i];
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < end && chars[i + 1] == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    decline(); // a quoted scalar over several lines
    return -1;
  }

  /** The value of the quoted scalar text[pos, after). */
  private String quoted(int pos, int after) {
    char q = chars[pos];
    String inner = text.substring(pos + 1, after - 1);
    if (q == '\'') {
      return Canonical.ofShort(inner.indexOf('\'') < 0 ? inner : inner.replace("''", "'"));
    }
    if (inner.indexOf('\\') < 0) {
      return Canonical.ofShort(inner);
    }
    StringBuilder sb = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = inner.charAt(++i);
      switch (e) {
        case '0' -> sb.append('\0');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 't' -> sb.append('\t');
        case 'n' -> sb.append('\n');
        case 'v' -> sb.append('\u000b');
        case 'f' -> sb.append('\f');
        case 'r' -> sb.append('\r');
        case 'e' -> sb.append('\u001b');
        case ' ' -> sb.append(' ');
        case '"' -> sb.append('"');
        case '\\' -> sb.append('\\');
        case 'N' -> sb.append('\u0085');
        case '_' -> sb.append('\u00a0');
        case 'L' -> sb.append('\u2028');
        case 'P' -> sb.append('\u2029');
        case 'x', 'u', 'U' -> {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= inner.length()) {
            decline();
          }
          int code = 0;
          for (int k = 1; k <= digits; k++) {
            int d = Character.digit(inner.charAt(i + k), 16);
            if (d < 0) {
              decline();
            }
            code = code * 16 + d;
          }
          if (!Character.isValidCodePoint(code)) {
            decline();
          }
          sb.appendCodePoint(code);
          i += digits;
        }
        default -> decline();
      }
    }
    return Canonical.ofShort(sb.toString());
  }

  private int skipSpaces(int pos, int end) {
    while (pos < end && chars[pos] == ' ') {
      pos++;
    }
    return pos;
  }

  /** A plain scalar typed as Jackson's YAML parser types it. */
  private static Node plain(Mark mark, String value) {
    Tag tag = quickTag(value);
    if (tag == null) {
      tag = RESOLVER.resolve(NodeId.scalar, value, true);
    }
    if (tag == Tag.STR) {
      return new Node.ScalarNode(mark, Canonical.ofShort(value), Node.ScalarType.STRING);
    }
    if (tag == Tag.INT) {
      if (!simpleInteger(value)) {
        decline(); // octal, hexadecimal, binary, base 60, underscores, signs
      }
      return new Node.ScalarNode(mark, value, Node.ScalarType.INTEGER);
    }
    if (tag == Tag.FLOAT) {
      return new Node.ScalarNode(mark, value, Node.ScalarType.DECIMAL);
    }
    if (tag == Tag.BOOL) {
      return booleanWord(value)
          ? new Node.ScalarNode(mark, value, Node.ScalarType.BOOLEAN)
          : new Node.ScalarNode(mark, Canonical.ofShort(value), Node.ScalarType.STRING);
    }
    if (tag == Tag.NULL) {
      return new Node.ScalarNode(mark, "", Node.ScalarType.NULL);
    }
    return new Node.ScalarNode(mark, Canonical.ofShort(value), Node.ScalarType.STRING);
  }

  /**
   * The resolver's answer for the two kinds of scalar that fill a disclosure, text and plain
   * decimal amounts, without its regular expressions; null for everything else. The resolver looks
   * only at scalars starting with one of these characters, and sizes numbers only up to 1,024
   * characters.
   */
  private static Tag quickTag(String value) {
    if (value.isEmpty()) {
      return null;
    }
    char first = value.charAt(0);
    if ("yYnNtTfFoO-+0123456789.<~!&*".indexOf(first) < 0) {
      return Tag.STR;
    }
    if (value.length() > 64) {
      return null;
    }
    if (nonAscii(value)) {
      return Tag.STR; // "≥90%", "3月底": every pattern of the resolver is ASCII
    }
    if (simpleInteger(value)) {
      return Tag.INT;
    }
    int i = first == '-' ? 1 : 0;
    int digits = 0;
    while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (digits == 0 || i == value.length() || value.charAt(i) != '.') {
      return null;
    }
    int fraction = 0;
    for (i++; i < value.length(); i++, fraction++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return null;
      }
    }
    return fraction > 0 ? Tag.FLOAT : null;
  }

  private static boolean nonAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static boolean simpleInteger(String s) {
    int i = s.charAt(0) == '-' ? 1 : 0;
    if (i == s.length() || (s.charAt(i) == '0' && s.length() > i + 1)) {
      return false;
    }
    for (; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The words Jackson reads as booleans (YAML 1.1: y, n, yes, no, on, off, true, false). */
  private static boolean booleanWord(String s) {
    return switch (s.length()) {
      case 1 -> "yYnN".indexOf(s.charAt(0)) >= 0;
      case 2 -> s.equalsIgnoreCase("no") || s.equalsIgnoreCase("on");
      case 3 -> s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("off");
      case 4 -> s.equalsIgnoreCase("true");
      case 5 -> s.equalsIgnoreCase("false");
      default -> false;
    };
  }
}
