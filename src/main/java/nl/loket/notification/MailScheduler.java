package nl.loket.notification;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Empties the outbox every {@code loket.mail.poll-interval} (default 15 seconds); off in tests. One node at a time
 * (the lock), so no mail goes out twice because two nodes read the same pending rows. A node that dies holding the
 * lock holds up the mail for {@code loket.mail.lock-at-most} (default 2 minutes) at most; a round stops taking new
 * mails after half that time, so a slow SMTP server never lets the lock run out under a live round.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "loket.mail.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class MailScheduler {

    private final MailDispatcher dispatcher;
    private final Duration round;

    MailScheduler(MailDispatcher dispatcher, @Value("${loket.mail.lock-at-most:PT2M}") Duration lockAtMost) {
        this.dispatcher = dispatcher;
        this.round = lockAtMost.dividedBy(2);
    }

    @Scheduled(fixedDelayString = "${loket.mail.poll-interval:PT15S}", initialDelayString = "${loket.mail.initial-delay:PT10S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "${loket.mail.lock-at-most:PT2M}")
    public void dispatch() {
        dispatcher.dispatchDueWithin(round);
    }
}
