package org.oppmatch.publish;

/**
 * Test hooks for the atomicity tests: with the system property {@code oppmatch.fault.fail} set to a
 * step name (a {@code Step} of the stage package) the run fails as that step starts, and with
 * {@code oppmatch.fault.pause} it sleeps there (so a test can kill the process at that moment).
 * Unset in production: no effect.
 */
public final class FaultInjection {
  public static final String FAIL = "oppmatch.fault.fail";
  public static final String PAUSE = "oppmatch.fault.pause";

  private FaultInjection() {}

  /** Called as each step of a run starts ({@code Step#key()}), and at points inside a step. */
  public static void at(String stage) {
    if (stage.equals(System.getProperty(FAIL))) {
      throw new IllegalStateException("injected failure at stage " + stage);
    }
    if (stage.equals(System.getProperty(PAUSE))) {
      System.out.println("[nightly] paused at " + stage);
      System.out.flush();
      try {
        Thread.sleep(Long.getLong("oppmatch.fault.pause.millis", 600_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
