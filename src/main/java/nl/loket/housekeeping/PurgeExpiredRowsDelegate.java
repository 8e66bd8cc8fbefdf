package nl.loket.housekeeping;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_PurgeExpiredRows of loket-housekeeping: Loket's tables past their retention. */
@Component
class PurgeExpiredRowsDelegate implements JavaDelegate {

    private final RetentionService retention;

    PurgeExpiredRowsDelegate(RetentionService retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        retention.purge();
    }
}
