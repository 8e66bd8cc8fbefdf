package nl.loket.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Empties the outbox every {@code loket.mail.poll-interval} (default 15 seconds); off in tests. One node at a time
 * (the lock), so no mail goes out twice because two nodes read the same pending rows.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loket.mail.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private final MailDispatcher dispatcher;

    MailScheduler(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${loket.mail.poll-interval:PT15S}", initialDelayString = "${loket.mail.initial-delay:PT10S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT15M")
    public void dispatch() {
        dispatcher.dispatchDue();
    }
}
