package org.npskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published modules work on the module path, as a JPMS application would use them: the
 * examples module ({@code requires org.npskit.policy}, which requires {@code org.npskit.core},
 * {@code org.slf4j} and {@code java.sql}) runs the tool with nothing on the class path.
 */
class ModulePathIT {
  /** The test class path entries that are npskit's modules or their runtime dependencies. */
  private static String modulePath() {
    List<String> entries = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator))
        .filter(e -> {
          String name = Path.of(e).getFileName().toString();
          return name.endsWith(".jar") && (name.startsWith("nps-core-")
              || name.startsWith("nps-policy-") || name.startsWith("nps-examples-")
              || name.startsWith("slf4j-api-") || name.startsWith("slf4j-simple-"));
        })
        .collect(Collectors.toList());
    assertThat(entries).as("the packaged module jars on the failsafe class path").hasSize(5);
    return String.join(File.pathSeparator, entries);
  }

  private static String[] run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", modulePath(),
        "--module", "org.npskit.examples/org.npskit.examples.NpsKit"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(
        new File("/dev/null"))).start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String[] {String.valueOf(p.exitValue()), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8)};
  }

  @Test
  void theToolRunsOnTheModulePath() throws Exception {
    String[] r = run("sample-size", "--format", "json", "--margin", "5");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("\"wald\":1537");
  }

  @Test
  void theDemoDecidesAndReportsOnTheModulePath() throws Exception {
    String[] r = run("demo");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("11 orders decided: 3 surveys, 8 skipped.", "NPS +60.0 points");
  }
}
