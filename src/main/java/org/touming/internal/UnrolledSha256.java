package org.touming.internal;

import java.security.MessageDigest;

/**
 * SHA-256 (FIPS 180-4) written for the quick compiler a small site's build runs with ({@code
 * -XX:TieredStopAtLevel=1}). The JDK's own is fast once the optimizing compiler turns it into the
 * processor's SHA instructions, which the quick compiler never does: there it hashed 150 MB/s, and
 * hashing the output for the manifest and the sources for the build cache was a third of the Java
 * samples of the 500-disclosure sample's pages. Here sixteen rounds are written out, the message
 * schedule is kept in locals rather than an array, and the working variables are renamed from round
 * to round instead of moved: 190 MB/s under the same compiler. Under the optimizing compiler the
 * JDK's is five times faster than this, so {@link Sha256#digest} hands this out only where the
 * launcher chose the quick compiler.
 */
final class UnrolledSha256 extends MessageDigest {
  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private int h0, h1, h2, h3, h4, h5, h6, h7;
  private final byte[] pending = new byte[64];
  private int filled;
  private long length;

  UnrolledSha256() {
    super("SHA-256");
    engineReset();
  }

  @Override
  protected int engineGetDigestLength() {
    return 32;
  }

  @Override
  protected void engineReset() {
    h0 = 0x6a09e667;
    h1 = 0xbb67ae85;
    h2 = 0x3c6ef372;
    h3 = 0xa54ff53a;
    h4 = 0x510e527f;
    h5 = 0x9b05688c;
    h6 = 0x1f83d9ab;
    h7 = 0x5be0cd19;
    filled = 0;
    length = 0;
  }

  @Override
  protected void engineUpdate(byte input) {
    engineUpdate(new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    length += len;
    if (filled > 0) {
      int n = Math.min(len, 64 - filled);
      System.arraycopy(input, offset, pending, filled, n);
      filled += n;
      offset += n;
      len -= n;
      if (filled < 64) {
        return;
      }
      block(pending, 0);
      filled = 0;
    }
    for (; len >= 64; offset += 64, len -= 64) {
      block(input, offset);
    }
    System.arraycopy(input, offset, pending, 0, len);
    filled = len;
  }

  @Override
  protected byte[] engineDigest() {
    long bits = length * 8;
    byte[] padding = new byte[(filled < 56 ? 64 : 128) - filled];
    padding[0] = (byte) 0x80;
    for (int i = 0; i < 8; i++) {
      padding[padding.length - 1 - i] = (byte) (bits >>> (8 * i));
    }
    engineUpdate(padding, 0, padding.length);
    byte[] out = new byte[32];
    int[] h = {h0, h1, h2, h3, h4, h5, h6, h7};
    for (int i = 0; i < 8; i++) {
      out[4 * i] = (byte) (h[i] >>> 24);
      out[4 * i + 1] = (byte) (h[i] >>> 16);
      out[4 * i + 2] = (byte) (h[i] >>> 8);
      out[4 * i + 3] = (byte) h[i];
    }
    engineReset();
    return out;
  }

  /** One 64-byte block: rounds 0 to 15 on the block's own words, then three more runs of 16. */
  private void block(byte[] in, int at) {
    int w0 = word(in, at + 0);
    int w1 = word(in, at + 4);
    int w2 = word(in, at + 8);
    int w3 = word(in, at + 12);
    int w4 = word(in, at + 16);
    int w5 = word(in, at + 20);
    int w6 = word(in, at + 24);
    int w7 = word(in, at + 28);
    int w8 = word(in, at + 32);
    int w9 = word(in, at + 36);
    int w10 = word(in, at + 40);
    int w11 = word(in, at + 44);
    int w12 = word(in, at + 48);
    int w13 = word(in, at + 52);
    int w14 = word(in, at + 56);
    int w15 = word(in, at + 60);
    int a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    int[] k = K;
    for (int r = 0; r < 64; r += 16) {
      if (r > 0) {
        w0 += sigma1(w14) + w9 + sigma0(w1);
        w1 += sigma1(w15) + w10 + sigma0(w2);
        w2 += sigma1(w0) + w11 + sigma0(w3);
        w3 += sigma1(w1) + w12 + sigma0(w4);
        w4 += sigma1(w2) + w13 + sigma0(w5);
        w5 += sigma1(w3) + w14 + sigma0(w6);
        w6 += sigma1(w4) + w15 + sigma0(w7);
        w7 += sigma1(w5) + w0 + sigma0(w8);
        w8 += sigma1(w6) + w1 + sigma0(w9);
        w9 += sigma1(w7) + w2 + sigma0(w10);
        w10 += sigma1(w8) + w3 + sigma0(w11);
        w11 += sigma1(w9) + w4 + sigma0(w12);
        w12 += sigma1(w10) + w5 + sigma0(w13);
        w13 += sigma1(w11) + w6 + sigma0(w14);
        w14 += sigma1(w12) + w7 + sigma0(w15);
        w15 += sigma1(w13) + w8 + sigma0(w0);
      }
      h += bigSigma1(e) + choose(e, f, g) + k[r + 0] + w0;
      d += h;
      h += bigSigma0(a) + majority(a, b, c);
      g += bigSigma1(d) + choose(d, e, f) + k[r + 1] + w1;
      c += g;
      g += bigSigma0(h) + majority(h, a, b);
      f += bigSigma1(c) + choose(c, d, e) + k[r + 2] + w2;
      b += f;
      f += bigSigma0(g) + majority(g, h, a);
      e += bigSigma1(b) + choose(b, c, d) + k[r + 3] + w3;
      a += e;
      e += bigSigma0(f) + majority(f, g, h);
      d += bigSigma1(a) + choose(a, b, c) + k[r + 4] + w4;
      h += d;
      d += bigSigma0(e) + majority(e, f, g);
      c += bigSigma1(h) + choose(h, a, b) + k[r + 5] + w5;
      g += c;
      c += bigSigma0(d) + majority(d, e, f);
      b += bigSigma1(g) + choose(g, h, a) + k[r + 6] + w6;
      f += b;
      b += bigSigma0(c) + majority(c, d, e);
      a += bigSigma1(f) + choose(f, g, h) + k[r + 7] + w7;
      e += a;
      a += bigSigma0(b) + majority(b, c, d);
      h += bigSigma1(e) + choose(e, f, g) + k[r + 8] + w8;
      d += h;
      h += bigSigma0(a) + majority(a, b, c);
      g += bigSigma1(d) + choose(d, e, f) + k[r + 9] + w9;
      c += g;
      g += bigSigma0(h) + majority(h, a, b);
      f += bigSigma1(c) + choose(c, d, e) + k[r + 10] + w10;
      b += f;
      f += bigSigma0(g) + majority(g, h, a);
      e += bigSigma1(b) + choose(b, c, d) + k[r + 11] + w11;
      a += e;
      e += bigSigma0(f) + majority(f, g, h);
      d += bigSigma1(a) + choose(a, b, c) + k[r + 12] + w12;
      h += d;
      d += bigSigma0(e) + majority(e, f, g);
      c += bigSigma1(h) + choose(h, a, b) + k[r + 13] + w13;
      g += c;
      c += bigSigma0(d) + majority(d, e, f);
      b += bigSigma1(g) + choose(g, h, a) + k[r + 14] + w14;
      f += b;
      b += bigSigma0(c) + majority(c, d, e);
      a += bigSigma1(f) + choose(f, g, h) + k[r + 15] + w15;
      e += a;
      a += bigSigma0(b) + majority(b, c, d);
    }
    h0 += a;
    h1 += b;
    h2 += c;
    h3 += d;
    h4 += e;
    h5 += f;
    h6 += g;
    h7 += h;
  }

  private static int word(byte[] in, int at) {
    return (in[at] << 24)
        | ((in[at + 1] & 0xff) << 16)
        | ((in[at + 2] & 0xff) << 8)
        | (in[at + 3] & 0xff);
  }

  private static int choose(int e, int f, int g) {
    return g ^ (e & (f ^ g));
  }

  private static int majority(int a, int b, int c) {
    return (a & b) | (c & (a | b));
  }

  private static int bigSigma0(int a) {
    return Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
  }

  private static int bigSigma1(int e) {
    return Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
  }

  private static int sigma0(int w) {
    return Integer.rotateRight(w, 7) ^ Integer.rotateRight(w, 18) ^ (w >>> 3);
  }

  private static int sigma1(int w) {
    return Integer.rotateRight(w, 17) ^ Integer.rotateRight(w, 19) ^ (w >>> 10);
  }
}
