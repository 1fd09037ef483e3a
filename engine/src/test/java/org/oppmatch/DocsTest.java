package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README is a user's guide that fits its budget and names the two commands; every relative link
 * in it and in docs/ leads to a file that exists (and to a heading that exists, for an anchor); the
 * contracts in docs/contracts are the owners' current text.
 */
class DocsTest {
  static final Path README = Path.of("README.md");
  static final Path DOCS = Path.of("docs");
  static final int README_BUDGET = 250;

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");

  @Test
  void theReadmeFitsItsBudgetAndGivesTheTwoCommands() throws IOException {
    List<String> lines = Files.readAllLines(README);
    assertTrue(lines.size() <= README_BUDGET, "README.md has " + lines.size() + " lines");
    String text = String.join("\n", lines);
    assertTrue(text.contains("\njobs/nightly --inputs data/sample --output out --run-date "), text);
    assertTrue(text.contains("\nmvn -B verify\n"), "the test command .ci/run runs");
    assertTrue(Files.readString(Path.of(".ci/run")).contains("\nmvn -B verify\n"));
  }

  @Test
  void everyRelativeLinkResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(README));
    try (Stream<Path> s = Files.walk(DOCS)) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages) {
      for (String target : links(Files.readString(page))) {
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:
        }
        links++;
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path to = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(to)) {
          broken.add(page + ": " + target);
        } else if (hash >= 0 && !anchors(to).contains(target.substring(hash + 1))) {
          broken.add(page + ": " + target + " (no such heading)");
        }
      }
    }
    assertTrue(links > 20, "links found: " + links);
    assertEquals(List.of(), broken);
  }

  @Test
  void theArchitecturePageNamesEveryStageFile() throws IOException {
    String page = Files.readString(DOCS.resolve("architecture.md"));
    Path stages = Path.of("engine/src/main/java/org/oppmatch/stage");
    for (String stage :
        List.of("ReadAndValidate", "Resolve", "ScoreAndRank", "Explain", "Publish", "Export")) {
      assertTrue(Files.exists(stages.resolve(stage + ".java")), stage);
      assertTrue(page.contains("stage/" + stage + ".java"), stage);
    }
  }

  @Test
  void theContractsAreTheOwnersCurrentText() throws IOException {
    Path owners = Path.of("../shared/spec");
    Assumptions.assumeTrue(Files.isDirectory(owners), "the owners' spec is beside the checkout");
    for (String f : List.of("data-contract.md", "job-contract.md", "glossary.md")) {
      assertArrayEquals(
          Files.readAllBytes(owners.resolve(f)),
          Files.readAllBytes(DOCS.resolve("contracts").resolve(f)),
          "docs/contracts/" + f + " differs from ../shared/spec/" + f);
    }
  }

  /** Link targets outside code blocks and code spans. */
  static List<String> links(String markdown) {
    String text = markdown.replaceAll("(?s)```.*?```", "").replaceAll("`[^`\n]*`", "");
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The anchors of a page's headings, as GitHub makes them. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> out = new HashSet<>();
    boolean code = false;
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!code && m.matches()) {
        out.add(
            m.group(1)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-'));
      }
    }
    return out;
  }
}
