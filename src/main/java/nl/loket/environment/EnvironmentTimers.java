package nl.loket.environment;

import static nl.loket.environment.EnvironmentProcess.ENVIRONMENT_ID;

import java.util.Date;

import nl.loket.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The due dates of the environment's timers, asked each time the instance waits again: so an extension, a new
 * schedule or a start/stop now takes effect as soon as the instance is told ({@code Msg_EnvironmentChanged}).
 * Dates are computed in Amsterdam wall-clock time, so a schedule keeps its hours across daylight-saving changes.
 */
@ProcessBean
@Component("environmentTimers")
public class EnvironmentTimers {

    private final EnvironmentLifecycle lifecycle;
    private final EnvironmentProperties settings;

    EnvironmentTimers(EnvironmentLifecycle lifecycle, EnvironmentProperties settings) {
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    public String providerPoll() {
        return settings.providerPoll().toString();
    }

    public Date nextScheduleChange(DelegateExecution execution) {
        return Date.from(lifecycle.nextScheduleChange(ENVIRONMENT_ID.from(execution)));
    }

    public Date nextLeaseMilestone(DelegateExecution execution) {
        return Date.from(lifecycle.nextLeaseMilestone(ENVIRONMENT_ID.from(execution)));
    }
}
