package nl.loket.request;

import nl.loket.catalog.NotStartableException;
import nl.loket.request.FormRequestService.OutsideStart;
import nl.loket.request.FormRequestService.StartedOutside;
import nl.loket.workflow.DelegateExecutions;
import nl.loket.workflow.RequestTypeStartListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * First at the start of every request-type instance. Loket's services start one with {@code requestId}; a start
 * from Camunda Tasklist or engine REST has none and gets what Loket's start page gives
 * ({@link FormRequestService#startedOutside}): the checks, the request row with its number as business key, and
 * {@code requestId}, {@code requester} and {@code approver}. A refusal reaches the caller as 403 (who) or 400
 * (what was submitted), and nothing is created.
 */
@Component
class StartedOutsideLoketListener implements RequestTypeStartListener {

    private final FormRequestService requests;

    StartedOutsideLoketListener(FormRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getSuperExecution() != null) {
            return; // called from another process (call activity): part of its caller's request
        }
        String processKey = DelegateExecutions.processKey(execution);
        String user = DelegateExecutions.authenticatedUser(execution);
        Object requestId = execution.getVariableLocal(RequestVariables.REQUEST_ID.name());
        try {
            if (requestId != null) {
                requests.checkNamedRequest(processKey, requestId, user);
                return;
            }
            StartedOutside started = requests.startedOutside(new OutsideStart(processKey,
                    execution.getProcessDefinitionId(), execution.getProcessInstanceId(), user,
                    DelegateExecutions.plainVariables(execution)));
            DelegateExecutions.replaceVariables(execution, started.variables());
            // the engine also puts it on the historic instance it wrote a moment ago: Cockpit finds it by number
            execution.setProcessBusinessKey(started.request().number());
        } catch (InvalidFormSubmissionException e) {
            throw DelegateExecutions.invalidStart(e.getMessage());
        } catch (StartNotAllowedException | NotStartableException e) {
            throw DelegateExecutions.startNotAllowed(e.getMessage());
        }
    }
}
