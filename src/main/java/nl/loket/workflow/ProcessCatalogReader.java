package nl.loket.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;

/**
 * What users may start: the latest, active version of each process whose candidate starter users or groups
 * include the user (the engine resolves the user's groups from its identity tables, which Loket keeps in step).
 */
@Service
public class ProcessCatalogReader {

    /**
     * Who a process's latest version names as its candidate starters ({@code camunda:candidateStarterUsers} and
     * {@code camunda:candidateStarterGroups}), and whether any of them is a known user or a group with members:
     * only then does anybody see it.
     */
    public record CandidateStarters(List<String> users, List<String> groups, boolean anyoneKnown) {

        public boolean isEmpty() {
            return users.isEmpty() && groups.isEmpty();
        }
    }

    private final RepositoryService repositoryService;
    private final IdentityService identityService;

    ProcessCatalogReader(RepositoryService repositoryService, IdentityService identityService) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    public List<StartableProcess> startableBy(String username) {
        return repositoryService.createProcessDefinitionQuery()
                .latestVersion().active().startableByUser(username)
                .orderByProcessDefinitionKey().asc()
                .list().stream()
                .map(this::describe)
                .toList();
    }

    /** The latest version of a process, whoever may start it (for names in lists); empty if none is deployed. */
    public Optional<StartableProcess> latest(String processKey) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult()).map(this::describe);
    }

    public boolean isStartableBy(String processKey, String username) {
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().active().startableByUser(username)
                .count() > 0;
    }

    /** Whether this user may start this version of a process (a start by definition id, as Tasklist does). */
    public boolean isVersionStartableBy(String definitionId, String username) {
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionId(definitionId).startableByUser(username)
                .count() > 0;
    }

    /** One version of a process, whoever may start it; empty if there is none with this id. */
    public Optional<StartableProcess> version(String definitionId) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionId(definitionId)
                .singleResult()).map(this::describe);
    }

    /** The candidate starters of the latest version of a process; empty if none is deployed. */
    public CandidateStarters candidateStarters(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        if (definition == null) {
            return new CandidateStarters(List.of(), List.of(), false);
        }
        List<IdentityLink> links = repositoryService.getIdentityLinksForProcessDefinition(definition.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        List<String> users = links.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).sorted().toList();
        List<String> groups = links.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
        boolean known = users.stream().anyMatch(user -> identityService.createUserQuery().userId(user).count() > 0)
                || groups.stream().anyMatch(group -> identityService.createUserQuery().memberOfGroup(group).count() > 0);
        return new CandidateStarters(users, groups, known);
    }

    StartableProcess describe(ProcessDefinition definition) {
        // the engine caches parsed models, so this does not re-read the deployment each time
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(definition.getKey());
        return new StartableProcess(definition.getKey(), definition.getId(), definition.getVersion(),
                definition.getName() == null ? definition.getKey() : definition.getName(),
                documentationOf(process), propertiesOf(process));
    }

    private static String documentationOf(Process process) {
        return process.getDocumentations().stream().map(Documentation::getTextContent)
                .map(String::strip).filter(text -> !text.isEmpty()).findFirst().orElse("");
    }

    /** A process's {@code camunda:property} entries (the first of a name wins). */
    static Map<String, String> propertiesOf(Process process) {
        Map<String, String> properties = new LinkedHashMap<>();
        ExtensionElements extensions = process.getExtensionElements();
        if (extensions == null) {
            return properties;
        }
        for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                if (property.getCamundaName() != null && property.getCamundaValue() != null) {
                    properties.putIfAbsent(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return properties;
    }
}
