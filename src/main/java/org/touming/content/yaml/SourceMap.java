package org.touming.content.yaml;

import java.util.List;
import org.touming.content.Mark;

/**
 * Where each value of a YAML file was written, by JSON pointer ("/three-public/vehicles"): looked
 * up in the file's tree when a diagnostic asks, rather than recorded for every value while loading.
 */
public final class SourceMap {
  private final Node root;

  /** A map that knows no positions: every pointer is at the start of the file. */
  public SourceMap() {
    this(null);
  }

  SourceMap(Node root) {
    this.root = root;
  }

  /** Whether this map knows no positions. */
  public boolean isEmpty() {
    return root == null;
  }

  /** The mark of the value at {@code pointer}, or of its nearest written ancestor. */
  public Mark mark(String pointer) {
    if (root == null) {
      return Mark.START;
    }
    Node node = root;
    int at = 0;
    while (at < pointer.length()) {
      int next = pointer.indexOf('/', at + 1);
      String part = pointer.substring(at + 1, next < 0 ? pointer.length() : next);
      Node child = child(node, part);
      if (child == null) {
        break;
      }
      node = child;
      at = next < 0 ? pointer.length() : next;
    }
    return node.mark();
  }

  public boolean has(String pointer) {
    if (root == null) {
      return false;
    }
    Node node = root;
    if (pointer.isEmpty()) {
      return true;
    }
    for (String part : pointer.substring(1).split("/", -1)) {
      node = child(node, part);
      if (node == null) {
        return false;
      }
    }
    return true;
  }

  private static Node child(Node node, String part) {
    if (node instanceof Node.MapNode m) {
      Node.Field f = m.fields().get(part.replace("~1", "/").replace("~0", "~"));
      return f == null ? null : f.value();
    }
    if (node instanceof Node.ListNode l) {
      List<Node> items = l.items();
      if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int i = Integer.parseInt(part);
      return i < items.size() ? items.get(i) : null;
    }
    return null;
  }
}
