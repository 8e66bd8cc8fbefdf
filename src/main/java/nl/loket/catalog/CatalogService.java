package nl.loket.catalog;

import static nl.loket.catalog.CatalogProperties.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import nl.loket.search.SearchQuery;
import nl.loket.security.CurrentUser;
import nl.loket.workflow.ProcessCatalogReader;
import nl.loket.workflow.StartableProcess;
import nl.loket.workflow.StartableVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The self-service catalogue: every deployed process marked with {@code loket:category} that the current user may
 * start. No list of request types lives in code.
 */
@Service
public class CatalogService {

    private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

    /** A catalogue item the current user may start, and the version of its process that a start starts. */
    public record Startable(CatalogItem item, String definitionId) {
    }

    private final ProcessCatalogReader processes;
    private final StartableVersions versions;
    private final CurrentUser currentUser;

    CatalogService(ProcessCatalogReader processes, StartableVersions versions, CurrentUser currentUser) {
        this.processes = processes;
        this.versions = versions;
        this.currentUser = currentUser;
    }

    /** The current user's catalogue in the given language, by category, then name. */
    public List<CatalogItem> items(Locale locale) {
        return sorted(listed().map(process -> toItem(process, locale)));
    }

    /**
     * Items whose name, description or keywords, in any language the model has them in, contain every word of the
     * query as part of a word, ignoring case and accents ("aanvraag" finds "Aanvráág", "licence" finds "Toegang tot
     * software"). A blank query gives the whole catalogue.
     */
    public List<CatalogItem> search(String query, Locale locale) {
        SearchQuery words = SearchQuery.of(query);
        if (words.isBlank()) {
            return items(locale);
        }
        return sorted(listed().filter(process -> words.matches(searchableTexts(process)))
                .map(process -> toItem(process, locale)));
    }

    private Stream<StartableProcess> listed() {
        return processes.startableBy(currentUser.username()).stream()
                .filter(process -> process.properties().containsKey(CATEGORY));
    }

    private static List<CatalogItem> sorted(Stream<CatalogItem> items) {
        return items.sorted(Comparator.comparing(CatalogItem::category).thenComparing(CatalogItem::name,
                String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The model's name and documentation, and its names, descriptions and keywords in every language. */
    private static List<String> searchableTexts(StartableProcess process) {
        List<String> texts = new java.util.ArrayList<>(List.of(Objects.requireNonNullElse(process.name(), ""),
                Objects.requireNonNullElse(process.documentation(), "")));
        process.properties().forEach((name, value) -> {
            if (name.startsWith(NAME) || name.startsWith(DESCRIPTION) || name.startsWith(KEYWORDS)) {
                texts.add(value);
            }
        });
        return texts;
    }

    public Optional<CatalogItem> find(String processKey, Locale locale) {
        return startable(processKey, locale).map(Startable::item);
    }

    /**
     * The item, if the current user may start it, from the latest version kept in memory ({@link StartableVersions}):
     * a start page and a submit cost no query here, however large the catalogue. The user's groups are their roles
     * (Loket syncs them into the engine as its groups).
     */
    public Optional<Startable> startable(String processKey, Locale locale) {
        return startableVersion(processKey)
                .filter(version -> version.process().properties().containsKey(CATEGORY))
                .map(version -> new Startable(toItem(version.process(), locale), version.process().definitionId()));
    }

    private Optional<StartableVersions.StartableVersion> startableVersion(String processKey) {
        if (!currentUser.isLoggedIn()) {
            return Optional.empty();
        }
        String me = currentUser.username();
        return versions.latest(processKey).filter(version -> version.startableBy(me, currentUser.roles()));
    }

    /**
     * A request type's name for lists (my requests, the inbox), in the user's language where the model has one;
     * unlike {@link #find} it does not ask whether the user may start it.
     */
    public String typeName(String processKey, Locale locale) {
        return processes.latest(processKey).map(process -> toItem(process, locale).name()).orElse(processKey);
    }

    /** How long a request of this type usually takes ({@code loket:expected-fulfilment}), if the model says. */
    public Optional<java.time.Duration> expectedFulfilment(String processKey) {
        return processes.latest(processKey).map(process -> toItem(process, Locale.ENGLISH).expectedFulfilment());
    }

    /**
     * Whether the latest version of a process is in the catalogue for anybody, and if not, why; the same rules
     * as {@link #items}, which answers for the current user only.
     */
    public CatalogListing listing(String processKey) {
        boolean categorised = processes.latest(processKey)
                .map(process -> process.properties().containsKey(CATEGORY)).orElse(false);
        ProcessCatalogReader.CandidateStarters starters = processes.candidateStarters(processKey);
        List<String> named = Stream.concat(starters.groups().stream(), starters.users().stream()).toList();
        CatalogListing.State state = !categorised ? CatalogListing.State.NO_CATEGORY
                : starters.isEmpty() ? CatalogListing.State.NO_CANDIDATE_STARTERS
                : !starters.anyoneKnown() ? CatalogListing.State.NO_KNOWN_STARTERS
                : CatalogListing.State.LISTED;
        return new CatalogListing(state, named);
    }

    /** Refuses, on the server, a request type the current user may not start. */
    public void checkMayStart(String processKey) {
        String me = currentUser.username();
        if (startableVersion(processKey).isEmpty()) {
            log.warn("Refused: {} may not start {}", me, processKey);
            throw new NotStartableException(processKey, me);
        }
    }

    /**
     * The same check for a start outside the portal (Camunda Tasklist, engine REST): of the version being started,
     * for the user the engine knows.
     */
    public void checkMayStartVersion(String definitionId, String username) {
        if (!processes.isVersionStartableBy(definitionId, username)) {
            log.warn("Refused: {} may not start {}", username, definitionId);
            throw new NotStartableException(definitionId, username);
        }
    }

    /** A version's catalogue item, whoever may start it; empty if it is not a request type. */
    public Optional<CatalogItem> version(String definitionId, Locale locale) {
        return processes.version(definitionId).filter(process -> process.properties().containsKey(CATEGORY))
                .map(process -> toItem(process, locale));
    }

    private static CatalogItem toItem(StartableProcess process, Locale locale) {
        Map<String, String> p = process.properties();
        String language = locale.getLanguage();
        String name = localized(p, NAME, language).orElse(process.name());
        String description = localized(p, DESCRIPTION, language).orElse(process.documentation());
        List<String> keywords = localized(p, KEYWORDS, language).map(CatalogService::splitKeywords)
                .orElse(List.of());
        return new CatalogItem(process.key(), name, description, p.get(CATEGORY), p.getOrDefault(ICON, DEFAULT_ICON),
                duration(process.key(), p.get(EXPECTED_FULFILMENT)), keywords, p.get(START_VIEW));
    }

    private static Optional<String> localized(Map<String, String> properties, String name, String language) {
        return Optional.ofNullable(properties.get(name + ":" + language)).or(() -> Optional.ofNullable(properties.get(name)))
                .map(String::strip).filter(value -> !value.isEmpty());
    }

    private static List<String> splitKeywords(String keywords) {
        return Arrays.stream(keywords.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    private static Duration duration(String processKey, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            log.warn("Process {} has an expected fulfilment '{}' that is not an ISO-8601 duration", processKey, value);
            return null;
        }
    }
}
