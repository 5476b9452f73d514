package org.npskit.policy.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clean-up of servers left behind by killed test JVMs (see EmbeddedPostgresHolder). */
class EmbeddedPostgresHolderTest {

  @Test
  void directoriesOfDeadJvmsAreDeletedAndThoseOfLiveOnesKept(@TempDir Path tmp) throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    Path dead = Files.createDirectories(tmp.resolve("npskit-pg-" + exited.pid()).resolve("base"));
    Files.writeString(dead.resolve("PG_VERSION"), "14");
    Path live = Files.createDirectories(tmp.resolve("npskit-pg-" + ProcessHandle.current().pid()));
    Path other = Files.createDirectories(tmp.resolve("npskit-pg-notapid"));

    EmbeddedPostgresHolder.stopOrphans(tmp);

    assertThat(tmp.resolve("npskit-pg-" + exited.pid())).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(other).isDirectory();
  }

  @Test
  void aRunningServerLeftByADeadJvmIsStopped(@TempDir Path tmp) throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    Path dir = tmp.resolve("npskit-pg-" + exited.pid());
    EmbeddedPostgres orphan =
        EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
    try {
      List<String> pidFile = Files.readAllLines(dir.resolve("postmaster.pid"));
      ProcessHandle server = ProcessHandle.of(Long.parseLong(pidFile.get(0).trim())).orElseThrow();
      assertThat(server.isAlive()).isTrue();

      EmbeddedPostgresHolder.stopOrphans(tmp);

      assertThat(server.isAlive()).isFalse();
      assertThat(dir).doesNotExist();
    } finally {
      try {
        orphan.close();
      } catch (Exception alreadyStopped) {
        // Expected: the clean-up stopped it.
      }
    }
  }
}
