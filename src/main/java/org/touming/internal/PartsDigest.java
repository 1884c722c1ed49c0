package org.touming.internal;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SHA-256 of a file made of parts, kept from one build to the next. A city's largest table is
 * 150 MB, and hashing it again after every edit was a tenth of a rebuild's work: a build that
 * changes no part hashes nothing, and one that changes a part hashes from the last checkpoint
 * before it. Parts are compared by identity first (a writer hands back the arrays it kept), then by
 * bytes: an array once given must not change.
 */
public final class PartsDigest {
  private static final int CHECKPOINT_BYTES = 1 << 20;

  private record Checkpoint(int part, MessageDigest state) {}

  // Guarded by this.
  private byte[][] parts = new byte[0][];
  private List<Checkpoint> checkpoints = List.of();
  private String hex;

  /** The SHA-256 of the parts joined, in lowercase hex. */
  public synchronized String of(List<byte[]> now) {
    int same = 0;
    int n = now.size();
    while (same < n && same < parts.length && equal(now.get(same), parts[same])) {
      same++;
    }
    if (hex != null && same == n && n == parts.length) {
      return hex;
    }
    List<Checkpoint> kept = new ArrayList<>();
    for (Checkpoint c : checkpoints) {
      if (c.part() > same) {
        break;
      }
      kept.add(c);
    }
    try {
      MessageDigest digest;
      if (kept.isEmpty()) {
        digest = Sha256.digest();
        kept.add(new Checkpoint(0, (MessageDigest) digest.clone()));
      } else {
        digest = (MessageDigest) kept.get(kept.size() - 1).state().clone();
      }
      int from = kept.get(kept.size() - 1).part();
      long since = 0;
      for (int i = from; i < n; i++) {
        if (i > from && since >= CHECKPOINT_BYTES) {
          kept.add(new Checkpoint(i, (MessageDigest) digest.clone()));
          since = 0;
        }
        byte[] part = now.get(i);
        digest.update(part);
        since += part.length;
      }
      hex = Sha256.hex(digest);
      parts = now.toArray(new byte[0][]);
      checkpoints = kept;
      return hex;
    } catch (CloneNotSupportedException e) {
      // A digest that cannot be copied (the one written for the quick compiler) is not kept.
      forget();
      MessageDigest digest = Sha256.digest();
      now.forEach(digest::update);
      return Sha256.hex(digest);
    }
  }

  /** Lets go of the parts kept. */
  public synchronized void forget() {
    parts = new byte[0][];
    checkpoints = List.of();
    hex = null;
  }

  private static boolean equal(byte[] a, byte[] b) {
    return a == b || Arrays.equals(a, b);
  }
}
