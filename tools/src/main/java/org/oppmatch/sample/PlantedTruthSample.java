package org.oppmatch.sample;

import java.util.List;

/**
 * The planted-truth mode's output: the noise sample with the planted enterprises appended, the
 * truth of each planted enterprise, and the noise enterprises that fill a gap as well.
 */
public record PlantedTruthSample(
    GeneratedSample sample, List<TruthRow> truth, List<NoiseGapFiller> noiseGapFillers) {
  public PlantedTruthSample {
    truth = List.copyOf(truth);
    noiseGapFillers = List.copyOf(noiseGapFillers);
  }
}
