package org.oppmatch.notebooks;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its MainApp does, with fixes for the notebooks
 * (jobs/notebooks compiles this and jobs/lib/LoopThread.java against the kernel jar and names
 * them in the kernelspec, ahead of the jar).
 *
 * <ol>
 *   <li>The channels' loop threads could end as soon as they started (a start-up race in the
 *       kernel's LoopThread; about one start in six lost a loop, and without its shell loop a
 *       kernel never answers). jobs/lib/LoopThread.java replaces that class; this checks that
 *       the replacement is the one loaded.
 *   <li>The kernel binds its sockets before it registers its message handlers. A request that
 *       the client queued before the bind (Jupyter sends kernel_info at once) reaches the shell
 *       thread while {@code Channels.handlers} is still null; the NullPointerException kills that
 *       thread. Here a map exists before the bind: an early request finds no handler, is logged
 *       ("Unhandled message: kernel_info_request") and dropped, and the client's next
 *       kernel_info (it repeats them every second) is answered.
 *   <li>The kernel sets java.util.logging to FINEST. Spark's code generator (Janino) then logs
 *       FINER trace records whose formatting fails ({@code Descriptor.toClassName}), so code
 *       generation falls back to interpreted mode and a long stack trace fills the notebook.
 *       WARNING is enough for the kernel's own log.
 *   <li>A kernel that cannot answer any more exits instead of leaving its client waiting: when a
 *       channel's loop thread dies on an exception (the client then sees "Kernel died" at once,
 *       not a cell timeout), and when the Jupyter client that started it is gone (a notebook run
 *       killed by a time limit would otherwise leave a JVM with a Spark session behind).
 * </ol>
 */
public final class NotebookKernel {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NotebookKernel CONNECTION_FILE");
    }
    // The kernel sends System.err to the notebook once it runs; what ends the kernel is
    // reported on the process's stderr.
    PrintStream processErr = System.err;
    Path loopThreadFrom = codeSource(LoopThread.class);
    if (loopThreadFrom.equals(codeSource(MainApp.class))) {
      throw new IllegalStateException(
          "LoopThread was loaded from the kernel jar "
              + loopThreadFrom
              + ", not from jobs/lib/LoopThread.java: the launcher folder must come first on the"
              + " class path");
    }
    try (InputStream in = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
      if (in != null) {
        LogManager.getLogManager().readConfiguration(in);
      }
    }
    Logger.getLogger("").setLevel(Level.WARNING);

    ConnectionProperties props =
        Transform.fromJson(Files.readString(Path.of(args[0])), ConnectionProperties.class);
    if ("ipc".equals(props.transport())) {
      throw new IllegalArgumentException("ipc transport is not supported by the kernel");
    }
    Channels channels = new Channels(props);
    Field handlers = Channels.class.getDeclaredField("handlers");
    handlers.setAccessible(true);
    handlers.set(channels, new ConcurrentHashMap<>());
    RapaioKernel kernel = MainApp.kernel; // creates the kernel and its JShell
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          processErr.println("[NotebookKernel] thread " + t.getName() + " died: " + e);
          e.printStackTrace(processErr);
          if (t instanceof LoopThread && !channels.isMarkedForShutdown()) {
            processErr.println("[NotebookKernel] a channel of the kernel stopped; exiting");
            System.exit(3);
          }
        });
    ProcessHandle.current()
        .parent()
        .ifPresent(
            client ->
                client
                    .onExit()
                    .thenRun(
                        () -> {
                          processErr.println(
                              "[NotebookKernel] the Jupyter client (pid "
                                  + client.pid()
                                  + ") that started the kernel is gone; exiting");
                          System.exit(4);
                        }));
    channels.connect(kernel);
    channels.joinUntilClose();
  }

  private static Path codeSource(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
