package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Runs are booked per calendar month (Amsterdam): the parts of a run add up to the run, month by month. */
class MonthPartsTest {

    @Test
    void a_run_over_a_month_end_is_booked_in_both_months_at_amsterdam_midnight() {
        Instant from = LocalDateTime.of(2026, 11, 30, 22, 0).atZone(Schedule.AMSTERDAM).toInstant();
        Instant until = LocalDateTime.of(2026, 12, 1, 3, 0).atZone(Schedule.AMSTERDAM).toInstant();
        List<CreditLedger.MonthPart> parts = CreditLedger.monthParts(from, until);
        assertThat(parts).containsExactly(
                new CreditLedger.MonthPart(YearMonth.of(2026, 11), Duration.ofHours(2)),
                new CreditLedger.MonthPart(YearMonth.of(2026, 12), Duration.ofHours(3)));
    }

    @Test
    void october_has_a_745_hour_month_when_the_clocks_go_back() {
        Instant from = LocalDateTime.of(2026, 10, 1, 0, 0).atZone(Schedule.AMSTERDAM).toInstant();
        Instant until = LocalDateTime.of(2026, 11, 1, 0, 0).atZone(Schedule.AMSTERDAM).toInstant();
        assertThat(CreditLedger.monthParts(from, until))
                .containsExactly(new CreditLedger.MonthPart(YearMonth.of(2026, 10), Duration.ofHours(745)));
    }

    @Property(tries = 300)
    void the_parts_add_up_to_the_run_and_each_lies_in_its_own_month(
            @ForAll @LongRange(min = 0, max = 400L * 24 * 3600) long offset,
            @ForAll @LongRange(min = 0, max = 100L * 24 * 3600) long length) {
        Instant from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(offset);
        Instant until = from.plusSeconds(length);
        List<CreditLedger.MonthPart> parts = CreditLedger.monthParts(from, until);
        assertThat(parts.stream().map(CreditLedger.MonthPart::running).reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofSeconds(length));
        assertThat(parts.stream().map(CreditLedger.MonthPart::month).distinct().count()).isEqualTo(parts.size());
        // no part is longer than its month really is (October in Amsterdam has 745 hours: the clocks go back)
        parts.forEach(part -> assertThat(part.running()).isLessThanOrEqualTo(Duration.between(
                part.month().atDay(1).atStartOfDay(Schedule.AMSTERDAM),
                part.month().plusMonths(1).atDay(1).atStartOfDay(Schedule.AMSTERDAM))));
    }
}
