package nl.loket.workflow;

import java.util.Map;

/**
 * The latest version of a deployed process that a user may start, with what its model says about itself:
 * name, documentation and its {@code camunda:property} entries.
 */
public record StartableProcess(String key, String definitionId, int version, String name, String documentation,
                               Map<String, String> properties) {
}
