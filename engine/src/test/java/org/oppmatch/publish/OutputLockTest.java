package org.oppmatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oppmatch.JobFailure;

/**
 * One run per output, on the two kinds of file system the lock knows: the local one (an operating
 * system lock says whether the holder lives) and any other Hadoop file system, here the raw local
 * one standing in for HDFS (create-if-absent and a lease).
 */
class OutputLockTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  static final long LEASE = 60_000;

  @TempDir java.nio.file.Path tmp;

  static FileSystem fileSystem(String kind) throws IOException {
    Configuration conf = new Configuration();
    FileSystem fs =
        kind.equals("local")
            ? new LocalFileSystem(new RawLocalFileSystem())
            : new RawLocalFileSystem();
    fs.initialize(java.net.URI.create("file:///"), conf);
    return fs;
  }

  Path root() {
    return new Path(tmp.resolve("out").toUri());
  }

  static void write(FileSystem fs, Path p, String text) throws IOException {
    try (OutputStream o = fs.create(p, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static String holder(String host, String bootId, long pid, String token) {
    return new OutputLock.Holder(host, bootId, pid, "2026-11-20T02:30:00Z", "2026-11-19", token)
        .json();
  }

  /** The id of a process that has ended. */
  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs-style"})
  void aSecondRunOnTheOutputIsToldWhoHoldsIt(String kind) throws Exception {
    FileSystem fs = fileSystem(kind);
    try (OutputLock first = OutputLock.acquire(fs, root(), DAY, LEASE)) {
      assertTrue(fs.exists(new Path(root(), OutputLock.FILE)));
      JobFailure held =
          assertThrows(JobFailure.class, () -> OutputLock.acquire(fs, root(), DAY, LEASE));
      assertEquals(4, held.kind().exitCode());
      String m = held.getMessage();
      assertTrue(m.contains("host " + first.holder().host()), m);
      assertTrue(m.contains("process " + ProcessHandle.current().pid()), m);
      assertTrue(m.contains("started " + first.holder().startedAt()), m);
      first.checkHeld();
    }
    assertFalse(fs.exists(new Path(root(), OutputLock.FILE)), "released");
    OutputLock.acquire(fs, root(), DAY, LEASE).close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs-style"})
  void theLockOfAProcessThatDiedIsTakenOver(String kind) throws Exception {
    FileSystem fs = fileSystem(kind);
    fs.mkdirs(root());
    Path file = new Path(root(), OutputLock.FILE);
    OutputLock.Holder me;
    try (OutputLock probe = OutputLock.acquire(fs, root(), DAY, LEASE)) {
      me = probe.holder();
    }
    // killed with -9: its file is left, untouched since, with no process behind it
    write(fs, file, holder(me.host(), me.bootId(), deadPid(), "dead-run"));
    try (OutputLock next = OutputLock.acquire(fs, root(), DAY, LEASE)) {
      assertTrue(
          new String(Files.readAllBytes(tmp.resolve("out").resolve(OutputLock.FILE)))
              .contains(next.holder().token()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"hdfs-style"})
  void aLockFromAnotherMachineHoldsUntilItsLeaseRunsOut(String kind) throws Exception {
    FileSystem fs = fileSystem(kind);
    fs.mkdirs(root());
    Path file = new Path(root(), OutputLock.FILE);
    write(fs, file, holder("worker-7", "another-boot", 4242, "elsewhere"));
    JobFailure held =
        assertThrows(JobFailure.class, () -> OutputLock.acquire(fs, root(), DAY, LEASE));
    assertTrue(held.getMessage().contains("host worker-7, process 4242"), held.getMessage());
    // its holder stopped touching it longer ago than the lease: the machine is gone
    fs.setTimes(file, System.currentTimeMillis() - LEASE - 1_000, -1);
    try (OutputLock next = OutputLock.acquire(fs, root(), DAY, LEASE)) {
      next.checkHeld();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs-style"})
  void aHolderTouchesItsLockAndNoticesWhenItIsTakenFromIt(String kind) throws Exception {
    FileSystem fs = fileSystem(kind);
    Path file = new Path(root(), OutputLock.FILE);
    try (OutputLock lock = OutputLock.acquire(fs, root(), DAY, 1_000)) {
      long old = System.currentTimeMillis() - 50_000;
      fs.setTimes(file, old, -1);
      long deadline = System.currentTimeMillis() + 10_000;
      while (fs.getFileStatus(file).getModificationTime() <= old
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(fs.getFileStatus(file).getModificationTime() > old, "the heartbeat touched it");
      // another run took it over while this one stood still longer than the lease
      write(fs, file, holder("worker-7", "another-boot", 4242, "successor"));
      IllegalStateException lost = assertThrows(IllegalStateException.class, lock::checkHeld);
      assertTrue(lost.getMessage().contains("taken over by host worker-7"), lost.getMessage());
    }
    assertTrue(fs.exists(file), "a lock that is no longer this run's is left to its holder");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "hdfs-style"})
  void anOutputThatIsAFileOrCannotBeMadeIsABadArgument(String kind) throws Exception {
    FileSystem fs = fileSystem(kind);
    java.nio.file.Path file = Files.writeString(tmp.resolve("a-file"), "x");
    JobFailure isFile =
        assertThrows(
            JobFailure.class, () -> OutputLock.acquire(fs, new Path(file.toUri()), DAY, LEASE));
    assertEquals(2, isFile.kind().exitCode());
    assertTrue(isFile.getMessage().contains("is a file"), isFile.getMessage());
    JobFailure under =
        assertThrows(
            JobFailure.class,
            () -> OutputLock.acquire(fs, new Path(file.resolve("out").toUri()), DAY, LEASE));
    assertEquals(2, under.kind().exitCode(), under.getMessage());
  }
}
