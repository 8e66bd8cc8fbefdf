package nl.loket.directory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Add to directory group": the person becomes a member (idempotent: a retry after a crash changes nothing). */
@Component(DirectoryGroupStep.ADD_DELEGATE)
class AddToDirectoryGroupDelegate implements JavaDelegate {

    private final Directory directory;

    AddToDirectoryGroupDelegate(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean changed = directory.addToGroup(DirectoryGroupStep.user(execution), DirectoryGroupStep.group(execution));
        execution.setVariableLocal(DirectoryGroupStep.CHANGED.name(), changed);
    }
}
