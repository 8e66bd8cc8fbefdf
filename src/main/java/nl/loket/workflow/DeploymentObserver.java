package nl.loket.workflow;

/**
 * A Spring bean implementing this keeps something it read of deployed models (a parsed form, a process's
 * candidate starters) and forgets it when a deployment is made on this node: by a process admin publishing, through
 * engine REST or Cockpit, or at start-up. Told during the deployment and again after its transaction ends, so a
 * read in between cannot keep the old version.
 */
public interface DeploymentObserver {

    void deploymentsChanged();
}
