package nl.loket.catalog;

import java.util.List;

/**
 * Whether a deployed process is in the catalogue, and if not, why: the catalogue lists the latest version of a
 * process that has {@code loket:category} to the users its candidate starters name.
 *
 * @param candidateStarters the users and groups the model names, for the message when none of them is known
 */
public record CatalogListing(State state, List<String> candidateStarters) {

    public enum State {
        LISTED,
        /** no {@code loket:category} property: deployed, but not a catalogue item (started some other way) */
        NO_CATEGORY,
        /** no {@code camunda:candidateStarterGroups} or {@code camunda:candidateStarterUsers} */
        NO_CANDIDATE_STARTERS,
        /** candidate starters named, but none is a known user or a group with members */
        NO_KNOWN_STARTERS
    }

    public boolean listed() {
        return state == State.LISTED;
    }
}
