package org.oppmatch.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.oppmatch.JobFailure;

/**
 * One run per output (job-contract.md, version 3): a run holds {@value #FILE} under its {@code
 * --output} from before it reads anything until it has published or failed. The lock is a file
 * created only if absent, naming its holder (host, process, start time, run date), with a lease:
 *
 * <ul>
 *   <li>on any Hadoop file system (HDFS, an object store with conditional create), the holder
 *       touches the file's modification time every {@link #HEARTBEAT_FRACTION}th of the lease; a
 *       lock untouched for longer than the lease, or whose holder was a process of this machine
 *       that no longer exists, belongs to a run that died and is taken over;
 *   <li>on a local output, the holder also keeps an operating-system lock on the file, which ends
 *       with its process: a killed run's lock is taken over at once, whatever the lease says.
 * </ul>
 *
 * A takeover renames the dead holder's file aside (one rename succeeds, whoever else tries) and
 * creates the lock anew. Before it publishes, a run checks that the lock is still its own ({@link
 * #checkHeld}), so a run that was wrongly thought dead (a pause longer than the lease) fails
 * instead of publishing beside its successor.
 */
public final class OutputLock implements AutoCloseable {
  /** The lock's file under the output root (a name Spark and the readers of outputs skip). */
  public static final String FILE = "_run.lock";

  /** How long a lock whose holder stopped touching it counts as held: 5 minutes by default. */
  public static final String LEASE_PROPERTY = "oppmatch.lock.lease-seconds";

  static final long DEFAULT_LEASE_SECONDS = 300;
  static final int HEARTBEAT_FRACTION = 10;
  private static final int ATTEMPTS = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who holds a lock, as its file says. */
  public record Holder(
      String host, String bootId, long pid, String startedAt, String runDate, String token) {

    /** One line for people: host, process and start time. */
    public String describe() {
      return "host "
          + host
          + ", process "
          + pid
          + ", started "
          + startedAt
          + (runDate == null ? "" : ", run_date " + runDate);
    }

    String json() {
      ObjectNode n = JSON.createObjectNode();
      n.put("host", host);
      n.put("boot_id", bootId);
      n.put("pid", pid);
      n.put("started_at", startedAt);
      n.put("run_date", runDate);
      n.put("token", token);
      return n.toString() + "\n";
    }

    static Optional<Holder> parse(byte[] bytes) {
      try {
        JsonNode n = JSON.readTree(bytes);
        if (n == null || !n.hasNonNull("token")) {
          return Optional.empty();
        }
        return Optional.of(
            new Holder(
                n.path("host").asText(null),
                n.path("boot_id").asText(null),
                n.path("pid").asLong(-1),
                n.path("started_at").asText(null),
                n.path("run_date").asText(null),
                n.path("token").asText()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  private final FileSystem fs;
  private final Path file;
  private final Holder me;
  private final long leaseMillis;
  private FileChannel channel;
  private FileLock osLock;
  private ScheduledExecutorService heartbeat;
  private volatile String lost;
  private boolean closed;

  private OutputLock(FileSystem fs, Path file, Holder me, long leaseMillis) {
    this.fs = fs;
    this.file = file;
    this.me = me;
    this.leaseMillis = leaseMillis;
  }

  /**
   * Takes the lock of {@code output} for a run of {@code runDate}. An output that is a file, or
   * where nothing can be created, fails with exit code 2; an output another live run holds, with
   * exit code 4 naming the holder.
   */
  public static OutputLock acquire(Configuration conf, String output, LocalDate runDate) {
    Path root = new Path(output);
    FileSystem fs;
    try {
      fs = root.getFileSystem(conf);
    } catch (IOException e) {
      throw JobFailure.badArguments("--output " + output + " cannot be opened: " + e.getMessage());
    }
    long lease = Long.getLong(LEASE_PROPERTY, DEFAULT_LEASE_SECONDS) * 1000;
    return acquire(fs, root, runDate, lease);
  }

  static OutputLock acquire(FileSystem fs, Path root, LocalDate runDate, long leaseMillis) {
    writable(fs, root);
    Holder me =
        new Holder(
            hostName(),
            bootId(),
            ProcessHandle.current().pid(),
            Instant.now().toString(),
            runDate == null ? null : runDate.toString(),
            UUID.randomUUID().toString());
    OutputLock lock = new OutputLock(fs, new Path(root, FILE), me, leaseMillis);
    try {
      lock.take();
    } catch (IOException e) {
      throw JobFailure.badArguments(
          "--output " + root + " cannot be written (its lock " + FILE + "): " + e.getMessage());
    }
    lock.startHeartbeat();
    return lock;
  }

  /** An output that is a file, or whose directory cannot be made, is a bad argument (exit 2). */
  private static void writable(FileSystem fs, Path root) {
    try {
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw JobFailure.badArguments("--output " + root + " is a file, not a directory");
      }
      if (!fs.mkdirs(root)) {
        throw JobFailure.badArguments("--output " + root + " cannot be created");
      }
    } catch (IOException e) {
      throw JobFailure.badArguments("--output " + root + " cannot be written: " + e.getMessage());
    }
  }

  private void take() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (createIfAbsent()) {
        return;
      }
      FileStatus status;
      byte[] content;
      try {
        status = fs.getFileStatus(file);
        content = read();
      } catch (java.io.FileNotFoundException released) {
        continue; // released or taken over meanwhile: try again
      }
      Optional<Holder> holder = Holder.parse(content);
      if (!dead(holder, status)) {
        throw new JobFailure(
            JobFailure.Kind.OUTPUT_LOCKED,
            "another run holds the output "
                + file.getParent()
                + ": "
                + holder.map(Holder::describe).orElse("a run that is starting")
                + " (lock file "
                + file
                + ")");
      }
      // the holder died: its file goes aside (only one of several takers renames it) and the lock
      // is made anew; a file that changed since it was read is another taker's, read again
      Optional<Holder> still;
      try {
        still = Holder.parse(read());
      } catch (java.io.FileNotFoundException gone) {
        continue;
      }
      if (!still.equals(holder)) {
        continue;
      }
      Path aside = new Path(file.getParent(), FILE + ".dead." + me.token());
      if (fs.rename(file, aside)) {
        fs.delete(aside, false);
      }
    }
    throw new JobFailure(
        JobFailure.Kind.OUTPUT_LOCKED,
        "the lock "
            + file
            + " changed hands "
            + ATTEMPTS
            + " times while this run tried to take it");
  }

  /** Whether the lock's holder has died, by what the file and its modification time tell. */
  private boolean dead(Optional<Holder> holder, FileStatus status) throws IOException {
    long age = System.currentTimeMillis() - status.getModificationTime();
    if (holder.isEmpty()) {
      // a lock being written has no holder yet; an empty one nobody touches is a crash's leftover
      return age > leaseMillis;
    }
    if (local() != null) {
      return osLockFree();
    }
    Holder h = holder.get();
    boolean thisMachine =
        me.host().equals(h.host()) && me.bootId() != null && me.bootId().equals(h.bootId());
    if (thisMachine && h.pid() > 0 && ProcessHandle.of(h.pid()).isEmpty()) {
      return true;
    }
    return age > leaseMillis;
  }

  /** On a local output: whether no process holds the operating-system lock of the file. */
  private boolean osLockFree() throws IOException {
    try (FileChannel c = FileChannel.open(local().toPath(), StandardOpenOption.WRITE)) {
      FileLock l = c.tryLock();
      if (l == null) {
        return false;
      }
      l.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // a run of this very process holds it
    } catch (java.nio.file.NoSuchFileException e) {
      return true; // released meanwhile: the next attempt creates it
    }
  }

  /** Creates the lock file with this run as its holder, only if there is none. */
  private boolean createIfAbsent() throws IOException {
    byte[] content = me.json().getBytes(StandardCharsets.UTF_8);
    File f = local();
    if (f != null) {
      FileChannel c;
      try {
        c = FileChannel.open(f.toPath(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        return false;
      }
      // locked before its holder is written: a contender that reads a holder finds it locked
      osLock = c.lock();
      c.write(ByteBuffer.wrap(content));
      c.force(false);
      channel = c;
      return true;
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(content);
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // file systems that say "exists" in their own words
      }
      throw e;
    }
    return true;
  }

  private byte[] read() throws IOException {
    try (InputStream in = fs.open(file)) {
      return in.readAllBytes();
    }
  }

  /** The lock's file when the output is on the local file system, else null. */
  private File local() {
    return fs instanceof LocalFileSystem l ? l.pathToFile(file) : null;
  }

  private void startHeartbeat() {
    long every = Math.max(1, leaseMillis / HEARTBEAT_FRACTION);
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "output-lock-heartbeat");
              t.setDaemon(true);
              return t;
            });
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Touches the lock and notes when it is no longer this run's. */
  void beat() {
    try {
      Optional<Holder> now = Holder.parse(read());
      if (now.isEmpty() || !now.get().token().equals(me.token())) {
        lost =
            "the lock "
                + file
                + " was taken over by "
                + now.map(Holder::describe).orElse("another run");
        return;
      }
      fs.setTimes(file, System.currentTimeMillis(), -1);
    } catch (java.io.FileNotFoundException e) {
      lost = "the lock " + file + " was removed";
    } catch (IOException | RuntimeException e) {
      // a file system hiccup: the next beat tries again; the lease outlasts a few misses
    }
  }

  /**
   * Fails when the lock is no longer this run's (another run took it over while this one did not
   * touch it for longer than the lease): called before publishing.
   */
  public void checkHeld() {
    beat();
    if (lost != null) {
      throw new IllegalStateException(lost + "; this run publishes nothing");
    }
  }

  /** This run's holder record. */
  public Holder holder() {
    return me;
  }

  /** The lock file. */
  public Path file() {
    return file;
  }

  /**
   * Releases the lock, if it is still this run's (once; later calls do nothing). A lock that cannot
   * be removed is left to its lease: the run's outcome stands.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    try {
      Optional<Holder> now = fs.exists(file) ? Holder.parse(read()) : Optional.empty();
      if (now.isPresent() && now.get().token().equals(me.token())) {
        fs.delete(file, false);
      }
    } catch (IOException e) {
      System.err.println("nightly: the lock " + file + " is left to its lease: " + e);
    } finally {
      try {
        if (osLock != null) {
          osLock.release();
        }
        if (channel != null) {
          channel.close();
        }
      } catch (IOException ignored) {
        // the process's end releases it
      }
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown");
    }
  }

  /** The Linux boot id: one per boot of a machine, so a process id is only compared on it. */
  private static String bootId() {
    try {
      return Files.readString(java.nio.file.Path.of("/proc/sys/kernel/random/boot_id")).trim();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
