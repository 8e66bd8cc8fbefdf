package nl.loket.directory;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Remove from directory group": the person is no longer a member (idempotent, also for someone who never was). */
@Component(DirectoryGroupStep.REMOVE_DELEGATE)
class RemoveFromDirectoryGroupDelegate implements JavaDelegate {

    private final Directory directory;

    RemoveFromDirectoryGroupDelegate(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean changed = directory.removeFromGroup(DirectoryGroupStep.user(execution),
                DirectoryGroupStep.group(execution));
        execution.setVariableLocal(DirectoryGroupStep.CHANGED.name(), changed);
    }
}
