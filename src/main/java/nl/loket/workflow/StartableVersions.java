package nl.loket.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;

/**
 * The latest active version of each process with its candidate starters, kept in memory: starting a request and
 * showing its start page look them up on every call, and they change only with a deployment. Forgotten at every
 * deployment on this node ({@link DeploymentObserver}) and after {@link #MAX_AGE} at the latest, for a deployment
 * or a suspension made on another node or in Cockpit.
 */
@Service
public class StartableVersions implements DeploymentObserver {

    static final Duration MAX_AGE = Duration.ofMinutes(1);

    /**
     * One version and who may start it ({@code camunda:candidateStarterUsers} and {@code camunda:candidateStarterGroups}).
     */
    public record StartableVersion(StartableProcess process, Set<String> starterUsers, Set<String> starterGroups) {

        /** The engine's rule: the user is a candidate starter, or is in one of the candidate starter groups. */
        public boolean startableBy(String username, Collection<String> groups) {
            return starterUsers.contains(username) || groups.stream().anyMatch(starterGroups::contains);
        }
    }

    private record Entry(Optional<StartableVersion> version, Instant loadedAt) {
    }

    private final RepositoryService repositoryService;
    private final ProcessCatalogReader reader;
    private final Clock clock;
    private final Map<String, Entry> latest = new ConcurrentHashMap<>();

    StartableVersions(RepositoryService repositoryService, ProcessCatalogReader reader) {
        this.repositoryService = repositoryService;
        this.reader = reader;
        this.clock = Clock.systemUTC();
    }

    /** The latest version of the process, if it is active; empty if none is deployed or it is suspended. */
    public Optional<StartableVersion> latest(String processKey) {
        Instant now = clock.instant();
        Entry entry = latest.get(processKey);
        if (entry == null || entry.loadedAt().plus(MAX_AGE).isBefore(now)) {
            entry = new Entry(load(processKey), now);
            latest.put(processKey, entry);
        }
        return entry.version();
    }

    /** A start of a remembered version failed (deleted in Cockpit, say): read everything again next time. */
    public void forget() {
        latest.clear();
    }

    @Override
    public void deploymentsChanged() {
        forget();
    }

    private Optional<StartableVersion> load(String processKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().active().singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        Collection<IdentityLink> links = repositoryService.getIdentityLinksForProcessDefinition(definition.getId())
                .stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
        return Optional.of(new StartableVersion(reader.describe(definition),
                links.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet()),
                links.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet())));
    }
}
