package nl.loket.environment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the Friday nudge at 16:00 Amsterdam time ({@code loket.environments.friday-nudge.enabled}, on by default,
 * off in tests). With several Loket nodes each would try; an owner is told once a day all the same.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "loket.environments.friday-nudge.enabled", havingValue = "true", matchIfMissing = true)
class FridayNudgeScheduler {

    private final FridayNudges nudges;

    FridayNudgeScheduler(FridayNudges nudges) {
        this.nudges = nudges;
    }

    @Scheduled(cron = "0 0 16 * * FRI", zone = "Europe/Amsterdam")
    void nudge() {
        nudges.sendDue();
    }
}
