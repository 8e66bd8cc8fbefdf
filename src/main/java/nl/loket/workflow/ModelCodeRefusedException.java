package nl.loket.workflow;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refused because a model carries code (see {@link ModelCodeCheck}). A bad request, so engine REST
 * answers 400 with the reasons, never 500.
 */
public class ModelCodeRefusedException extends BadUserRequestException {

    private final transient List<CodeFinding> findings;

    ModelCodeRefusedException(List<CodeFinding> findings) {
        super("Deployment refused: process models may not carry code unless loket.publishing.allow-code is on "
                + "(docs/publishing-security.md). Found: " + findings);
        this.findings = List.copyOf(findings);
    }

    public List<CodeFinding> findings() {
        return findings;
    }
}
