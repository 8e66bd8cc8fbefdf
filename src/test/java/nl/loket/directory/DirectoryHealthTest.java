package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The directory's health: UP while its base entry can be read, DOWN when the directory is away. */
class DirectoryHealthTest {

    @Test
    void up_while_the_directory_answers_and_down_when_it_is_gone() throws Exception {
        EmbeddedDirectory embedded = new EmbeddedDirectory(null);
        try {
            DirectoryHealth health = new DirectoryHealth(embedded.pool, embedded.config);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            embedded.server.close();
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            embedded.close();
        }
    }
}
