package nl.loket.environment;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the Friday nudge at 16:00 Amsterdam time ({@code loket.environments.friday-nudge.enabled}, on by default,
 * off in tests). With several Loket nodes one of them sends it (the lock, held for at least a minute so that a node
 * whose clock is a few seconds behind does not send it again).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loket.environments.friday-nudge.enabled", havingValue = "true", matchIfMissing = true)
class FridayNudgeScheduler {

    private final FridayNudges nudges;

    FridayNudgeScheduler(FridayNudges nudges) {
        this.nudges = nudges;
    }

    @Scheduled(cron = "0 0 16 * * FRI", zone = "Europe/Amsterdam")
    @SchedulerLock(name = "friday-nudge", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    public void nudge() {
        nudges.sendDue();
    }
}
