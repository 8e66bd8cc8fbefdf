package nl.loket.inbox;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Date;

import nl.loket.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * When an untouched task gets a reminder and when it escalates, in working days (Monday to Friday, not on Dutch
 * public holidays), per process:
 * {@code loket.escalation.<process key>.reminder-working-days} and {@code .escalate-working-days}, falling back to
 * {@code loket.escalation.reminder-working-days} (2) and {@code loket.escalation.escalate-working-days} (5). Models
 * use it in their timers: {@code camunda:timeDate="${escalationPolicy.reminderAt(execution)}"}.
 */
@ProcessBean
@Component("escalationPolicy")
public class EscalationPolicy {

    static final int DEFAULT_REMINDER_DAYS = 2;
    static final int DEFAULT_ESCALATION_DAYS = 5;

    private final Environment environment;
    private final Clock clock;

    EscalationPolicy(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    public Date reminderAt(DelegateExecution execution) {
        return Date.from(addWorkingDays(ZonedDateTime.now(clock), days(processKey(execution), "reminder-working-days",
                DEFAULT_REMINDER_DAYS)).toInstant());
    }

    public Date escalationAt(DelegateExecution execution) {
        return Date.from(addWorkingDays(ZonedDateTime.now(clock), days(processKey(execution), "escalate-working-days",
                DEFAULT_ESCALATION_DAYS)).toInstant());
    }

    /**
     * The same time of day, that many working days later: Monday to Friday, and (unless switched off with
     * {@code loket.escalation.skip-holidays=false}) not on a Dutch public holiday.
     */
    ZonedDateTime addWorkingDays(ZonedDateTime from, int days) {
        return addWorkingDays(from, days, environment.getProperty("loket.escalation.skip-holidays", Boolean.class, true));
    }

    static ZonedDateTime addWorkingDays(ZonedDateTime from, int days, boolean skipHolidays) {
        ZonedDateTime day = from;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && !(skipHolidays && DutchHolidays.isHoliday(day.toLocalDate()))) {
                added++;
            }
        }
        return day;
    }

    private int days(String processKey, String name, int fallback) {
        Integer general = environment.getProperty("loket.escalation." + name, Integer.class, fallback);
        return Math.max(1, environment.getProperty("loket.escalation." + processKey + "." + name, Integer.class, general));
    }

    private static String processKey(DelegateExecution execution) {
        String definitionId = execution.getProcessDefinitionId();
        return definitionId == null ? "" : definitionId.substring(0, definitionId.indexOf(':') < 0
                ? definitionId.length() : definitionId.indexOf(':'));
    }
}
