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
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel 3.0.1 as its MainApp does, with fixes for the notebooks
 * (jobs/notebooks compiles this against the kernel jar and names it in the kernelspec).
 *
 * <ol>
 *   <li>The kernel binds its sockets before it registers its message handlers. A request that
 *       the client queued before the bind (Jupyter sends kernel_info at once) reaches the shell
 *       thread while {@code Channels.handlers} is still null; the NullPointerException kills that
 *       thread and the client gives up with "Kernel didn't respond". Here the map exists before
 *       the bind: an early request finds no handler, is logged and dropped, and the client's next
 *       kernel_info (it repeats them every second) is answered.
 *   <li>The kernel sets java.util.logging to FINEST. Spark's code generator (Janino) then logs
 *       FINER trace records whose formatting fails ({@code Descriptor.toClassName}), so code
 *       generation falls back to interpreted mode and a long stack trace fills the notebook.
 *       WARNING is enough for the kernel's own log.
 *   <li>Now and then the kernel loses its shell or control thread during start-up (no exception
 *       seen; also with the kernel's own MainApp) and never answers. When the shell thread is
 *       gone the kernel exits, so the client sees it die at once and jobs/notebooks starts the
 *       notebook again; a silent kernel that kept its shell thread is left to the client's
 *       start-up timeout (a kernel without its control thread can still run cells).
 * </ol>
 */
public final class NotebookKernel {
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: NotebookKernel CONNECTION_FILE");
    }
    // The kernel sends System.err to the notebook once it runs; a channel thread that dies on
    // an exception would then leave no trace. Such deaths are reported on the process's stderr.
    PrintStream processErr = System.err;
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
        });
    channels.connect(kernel);
    // 3. above: the check, 1.5 s after the sockets are bound
    Thread.sleep(1500);
    // (Only the shell thread: a kernel without its control thread still runs cells, and one
    // may already be running.)
    if (!threadAlive("Shell")) {
      processErr.println("[NotebookKernel] the kernel's shell thread ended during start-up; exiting");
      System.exit(3);
    }
    channels.joinUntilClose();
  }

  private static boolean threadAlive(String namePrefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith(namePrefix) && t.isAlive());
  }
}
