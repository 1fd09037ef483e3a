package org.oppmatch.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.export.ExportStage;
import org.oppmatch.publish.Manifest;
import org.oppmatch.schema.Outputs;

/**
 * The export stage: each zone's lead list as an Excel workbook and a CSV file for people, and the
 * run report (one HTML page), staged beside the Parquet outputs and published with them.
 */
public final class Export {
  private Export() {}

  public static void run(
      RunContext run,
      ReadAndValidate.Validated in,
      ScoreAndRank.Ranked scored,
      LeadLists lists,
      Publish publish) {
    Manifest manifest = publish.manifest();
    long files =
        run.timer()
            .timed(
                Step.EXPORTS_AND_REPORT,
                () -> {
                  try {
                    return (long)
                        ExportStage.write(
                                lists.exportInput(
                                    in.reference(), scored.coverage(), in.inputs().industryNames()),
                                ConfigLoader.mapper()
                                    .readTree(manifest.toJson(Manifest.SUCCEEDED, null, null)),
                                publish.fileSystem(),
                                publish.stagingRoot())
                            .files();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    manifest.output(Outputs.EXPORTS, files - 1);
    manifest.output(Outputs.REPORT, 1);
  }
}
