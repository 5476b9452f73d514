package org.npskit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** nps-bom names every library artifact at the project's version and imposes nothing else. */
class BomTest {

  private static String version(String pom) {
    Matcher m = Pattern.compile("<artifactId>[^<]+</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void theBomManagesTheLibraryArtifactsAtTheProjectVersion() throws IOException {
    String root = Files.readString(Path.of("..", "pom.xml"));
    String bom = Files.readString(Path.of("..", "nps-bom", "pom.xml"));
    assertThat(bom).doesNotContain("<parent>");
    assertThat(version(bom)).isEqualTo(version(root));
    String managed = bom.substring(bom.indexOf("<dependencyManagement>"),
        bom.indexOf("</dependencyManagement>"));
    List<String> artifacts = new ArrayList<>();
    Matcher dep = Pattern.compile("<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>"
        + "\\s*<version>\\$\\{project.version}</version>").matcher(managed);
    while (dep.find()) {
      artifacts.add(dep.group(1) + ":" + dep.group(2));
    }
    assertThat(artifacts).containsExactly("org.npskit:nps-core", "org.npskit:nps-policy",
        "org.npskit:nps-test", "org.npskit:nps-spring-boot-starter", "org.npskit:nps-spark");
    assertThat(managed.split("<dependency>", -1)).hasSize(artifacts.size() + 1);
  }
}
