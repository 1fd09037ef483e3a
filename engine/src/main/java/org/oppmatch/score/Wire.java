package org.oppmatch.score;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The compact encoding of leads as they cross a shuffle: nullable strings, arrays and numbers. */
public final class Wire {
  private Wire() {}

  public static void string(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  public static String string(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  public static void strings(DataOutputStream out, String[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (String s : a) {
        string(out, s);
      }
    }
  }

  public static String[] strings(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    String[] a = new String[n];
    for (int i = 0; i < n; i++) {
      a[i] = string(in);
    }
    return a;
  }

  public static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (int v : a) {
        out.writeInt(v);
      }
    }
  }

  public static int[] ints(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readInt();
    }
    return a;
  }

  public static void doubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a != null) {
      for (double d : a) {
        out.writeDouble(d);
      }
    }
  }

  public static double[] doubles(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }

  /** A nullable number: a presence flag, then the value. */
  public static void optional(DataOutputStream out, Double d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  public static Double optionalDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  public static void optional(DataOutputStream out, Integer i) throws IOException {
    out.writeBoolean(i != null);
    if (i != null) {
      out.writeInt(i);
    }
  }

  public static Integer optionalInt(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  public static void optional(DataOutputStream out, Boolean b) throws IOException {
    out.writeByte(b == null ? 2 : b ? 1 : 0);
  }

  public static Boolean optionalBoolean(DataInputStream in) throws IOException {
    byte b = in.readByte();
    return b == 2 ? null : b == 1;
  }
}
