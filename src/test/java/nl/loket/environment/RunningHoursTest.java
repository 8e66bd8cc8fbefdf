package nl.loket.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Running hours on a schedule and their credits: examples (weeks, daylight-saving weeks, partial hours) and
 * properties over random periods and schedules.
 */
class RunningHoursTest {

    private static final CreditPolicy POLICY = CreditPolicy.standard();

    @Test
    void office_hours_are_sixty_hours_a_week_also_when_the_clocks_change() {
        assertThat(week(Schedule.officeHours(), LocalDate.of(2026, 11, 23))).isEqualTo(Duration.ofHours(60));
        assertThat(week(Schedule.officeHours(), LocalDate.of(2026, 10, 19))).as("winter time starts Sunday 25 October")
                .isEqualTo(Duration.ofHours(60));
        assertThat(week(Schedule.officeHours(), LocalDate.of(2026, 3, 23))).as("summer time starts Sunday 29 March")
                .isEqualTo(Duration.ofHours(60));
    }

    @Test
    void always_on_counts_the_hours_a_week_really_has() {
        assertThat(week(Schedule.alwaysOn(), LocalDate.of(2026, 11, 23))).isEqualTo(Duration.ofHours(168));
        assertThat(week(Schedule.alwaysOn(), LocalDate.of(2026, 10, 19))).isEqualTo(Duration.ofHours(169));
        assertThat(week(Schedule.alwaysOn(), LocalDate.of(2026, 3, 23))).isEqualTo(Duration.ofHours(167));
    }

    @Test
    void a_period_starting_mid_window_counts_only_the_overlap() {
        Instant from = at(LocalDateTime.of(2026, 11, 27, 18, 30));   // Friday 18:30
        Instant until = at(LocalDateTime.of(2026, 11, 30, 8, 0));   // Monday 08:00
        assertThat(RunningHours.between(Schedule.officeHours(), from, until)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void credits_follow_the_model_and_partial_hours_count_pro_rata() {
        assertThat(POLICY.perHour(false, false, BigDecimal.ONE)).isEqualByComparingTo("1");
        assertThat(POLICY.perHour(true, true, new BigDecimal("2"))).isEqualByComparingTo("6");
        BigDecimal credits = POLICY.credits(Duration.ofMinutes(90), true, false, BigDecimal.ONE);
        assertThat(credits).isEqualByComparingTo("3.00");
        assertThat(POLICY.euros(credits)).isEqualByComparingTo("9.00");
        // a month of office hours with support: 22 working days of 12 hours, 2 credits an hour, EUR 3 a credit
        Duration december = RunningHours.between(Schedule.officeHours(), at(LocalDateTime.of(2026, 12, 1, 0, 0)),
                at(LocalDateTime.of(2027, 1, 1, 0, 0)));
        assertThat(december).isEqualTo(Duration.ofHours(23 * 12));
        assertThat(POLICY.euros(POLICY.credits(december, true, false, BigDecimal.ONE))).isEqualByComparingTo("1656.00");
    }

    @Property(tries = 300)
    void never_more_than_the_elapsed_time_nor_more_than_always_on(@ForAll("periods") Instant[] period,
                                                                  @ForAll("schedules") Schedule schedule) {
        Duration running = RunningHours.between(schedule, period[0], period[1]);
        Duration elapsed = Duration.between(period[0], period[1]);
        assertThat(running).isBetween(Duration.ZERO, elapsed);
        assertThat(RunningHours.between(Schedule.alwaysOn(), period[0], period[1])).isEqualTo(elapsed);
        assertThat(running).isLessThanOrEqualTo(RunningHours.between(Schedule.alwaysOn(), period[0], period[1]));
    }

    @Property(tries = 300)
    void splitting_a_period_does_not_change_the_total(@ForAll("periods") Instant[] period,
                                                      @ForAll("schedules") Schedule schedule) {
        Instant middle = period[0].plus(Duration.between(period[0], period[1]).dividedBy(3));
        assertThat(RunningHours.between(schedule, period[0], middle).plus(RunningHours.between(schedule, middle, period[1])))
                .isEqualTo(RunningHours.between(schedule, period[0], period[1]));
    }

    @Test
    void office_hours_start_and_stop_at_seven_and_nineteen_local_time_across_a_clock_change() {
        // Friday 23 October 2026 (summer time), the weekend the clocks go back, Monday (winter time)
        Instant fridayNoon = at(LocalDateTime.of(2026, 10, 23, 12, 0));
        assertThat(Schedule.officeHours().isRunningAt(fridayNoon)).isTrue();
        Instant stop = Schedule.officeHours().nextChangeAfter(fridayNoon).orElseThrow();
        assertThat(stop).isEqualTo(Instant.parse("2026-10-23T17:00:00Z"));
        Instant start = Schedule.officeHours().nextChangeAfter(stop).orElseThrow();
        assertThat(start).as("07:00 in winter time is 06:00 UTC").isEqualTo(Instant.parse("2026-10-26T06:00:00Z"));
        assertThat(Schedule.officeHours().isRunningAt(start)).isTrue();
        assertThat(Schedule.officeHours().isRunningAt(start.minusSeconds(1))).isFalse();
    }

    @Test
    void always_on_and_adjacent_windows_never_change() {
        assertThat(Schedule.alwaysOn().nextChangeAfter(Instant.parse("2026-03-28T12:00:00Z"))).isEmpty();
        Schedule weekdaysAllDay = new Schedule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.MIDNIGHT,
                LocalTime.MIDNIGHT, Schedule.AMSTERDAM);
        Instant tuesday = at(LocalDateTime.of(2026, 11, 24, 10, 0));
        assertThat(weekdaysAllDay.nextChangeAfter(tuesday)).contains(at(LocalDateTime.of(2026, 11, 28, 0, 0)));
    }

    @Test
    void days_are_stored_in_week_order_and_read_back() {
        Schedule custom = new Schedule(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.of(8, 0),
                LocalTime.of(12, 0), Schedule.AMSTERDAM);
        assertThat(custom.daysText()).isEqualTo("MONDAY,FRIDAY");
        assertThat(Schedule.parseDays(custom.daysText())).isEqualTo(custom.days());
    }

    @Property(tries = 300)
    void the_running_state_holds_until_the_next_change_and_flips_there(@ForAll("periods") Instant[] period,
                                                                        @ForAll("schedules") Schedule schedule) {
        Instant moment = period[0];
        boolean running = schedule.isRunningAt(moment);
        var next = schedule.nextChangeAfter(moment);
        Instant horizon = next.orElse(moment.plus(Duration.ofDays(8)));
        Duration expected = running ? Duration.between(moment, horizon) : Duration.ZERO;
        assertThat(RunningHours.between(schedule, moment, horizon)).isEqualTo(expected);
        next.ifPresent(change -> assertThat(schedule.isRunningAt(change)).isNotEqualTo(running));
    }

    @Provide
    Arbitrary<Instant[]> periods() {
        Instant start = at(LocalDateTime.of(2026, 1, 1, 0, 0));
        return Combinators.combine(Arbitraries.longs().between(0, 365L * 24 * 3600),
                        Arbitraries.longs().between(0, 40L * 24 * 3600))
                .as((offset, length) -> new Instant[] {start.plusSeconds(offset), start.plusSeconds(offset + length)});
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(0).ofMaxSize(7)
                .map(set -> set.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(set));
        return Combinators.combine(days, Arbitraries.integers().between(0, 22), Arbitraries.integers().between(1, 23))
                .filter((d, from, length) -> from + length <= 24)
                .as((d, from, length) -> new Schedule(d, LocalTime.of(from, 0),
                        from + length == 24 ? LocalTime.MIDNIGHT : LocalTime.of(from + length, 0), Schedule.AMSTERDAM));
    }

    private static Duration week(Schedule schedule, LocalDate monday) {
        return RunningHours.between(schedule, at(monday.atStartOfDay()), at(monday.plusDays(7).atStartOfDay()));
    }

    private static Instant at(LocalDateTime time) {
        return time.atZone(Schedule.AMSTERDAM).toInstant();
    }
}
