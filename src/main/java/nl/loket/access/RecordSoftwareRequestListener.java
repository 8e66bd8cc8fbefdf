package nl.loket.access;

import static nl.loket.access.SoftwareAccessProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At the end of StartEvent_RequestSubmitted, in the transaction that starts the process: records what the start
 * form asked for, gives the approval decision the licence cost and tells the process whether an IT fulfiller
 * must deliver the product.
 */
@Component
class RecordSoftwareRequestListener implements ExecutionListener {

    private final SoftwareAccessService service;

    RecordSoftwareRequestListener(SoftwareAccessService service) {
        this.service = service;
    }

    @Override
    public void notify(DelegateExecution execution) {
        // a Camunda Forms date, as form-js stores it: "2026-12-24"
        String endDate = END_DATE.fromOrNull(execution);
        Boolean adminRights = ADMIN_RIGHTS.fromOrNull(execution);
        SoftwareAccessService.RecordedRequest recorded = service.recordRequest(REQUEST_ID.from(execution),
                SOFTWARE.from(execution), JUSTIFICATION.from(execution), Boolean.TRUE.equals(adminRights),
                endDate == null || endDate.isEmpty() ? null : LocalDate.parse(endDate));
        LICENCE_COST.set(execution, recorded.licenceCost());
        MANUAL_FULFILMENT.set(execution, recorded.manualFulfilment());
        if (adminRights == null) {
            ADMIN_RIGHTS.set(execution, false);
        }
    }
}
