package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ExpectedReadyTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Optional<Duration> FOUR_HOURS = Optional.of(Duration.ofHours(4));

    @Test
    void submitted_plus_the_usual_time_when_no_open_step_is_due_later() {
        Instant dueEarlier = SUBMITTED.plus(Duration.ofHours(1));
        assertThat(ExpectedReady.of(SUBMITTED, FOUR_HOURS, List.of(step(dueEarlier), step(null))))
                .contains(new ExpectedReady(SUBMITTED.plus(Duration.ofHours(4)), FOUR_HOURS));
    }

    @Test
    void never_before_the_latest_open_step_is_due() {
        Instant approvalDue = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(ExpectedReady.of(SUBMITTED, FOUR_HOURS, List.of(step(SUBMITTED.plusSeconds(60)), step(approvalDue))))
                .map(ExpectedReady::by).contains(approvalDue);
    }

    @Test
    void a_type_without_a_usual_time_is_expected_when_its_steps_are_due_or_not_at_all() {
        Instant due = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(ExpectedReady.of(SUBMITTED, Optional.empty(), List.of(step(due))))
                .contains(new ExpectedReady(due, Optional.empty()));
        assertThat(ExpectedReady.of(SUBMITTED, Optional.empty(), List.of(step(null)))).isEmpty();
        assertThat(ExpectedReady.of(SUBMITTED, Optional.empty(), List.of())).isEmpty();
    }

    @Test
    void late_once_the_expected_moment_has_passed() {
        ExpectedReady expected = ExpectedReady.of(SUBMITTED, FOUR_HOURS, List.of()).orElseThrow();
        assertThat(expected.isLate(SUBMITTED.plus(Duration.ofHours(3)))).isFalse();
        assertThat(expected.isLate(SUBMITTED.plus(Duration.ofHours(4)))).isTrue();
    }

    private static RequestProgress.CurrentStep step(Instant due) {
        return new RequestProgress.CurrentStep("software-access", "UserTask_ApproveRequest", "Approve", "mark",
                "Mark de Vries", List.of(), SUBMITTED, due);
    }
}
