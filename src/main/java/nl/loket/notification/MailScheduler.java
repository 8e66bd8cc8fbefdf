package nl.loket.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Empties the outbox every {@code loket.mail.poll-interval} (default 15 seconds); off in tests. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "loket.mail.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private final MailDispatcher dispatcher;

    MailScheduler(MailDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelayString = "${loket.mail.poll-interval:PT15S}", initialDelayString = "PT10S")
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
