package nl.loket.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one door to the directory: people, their groups, passwords and lock state. Everything Loket knows about an
 * account comes through here; Loket's own tables keep only what a directory does not hold (docs/directory.md).
 * Group changes are idempotent: adding a member who is one already, or removing one who is not, changes nothing.
 */
public interface Directory {

    Optional<Person> find(String username);

    /** The person with this e-mail address, if exactly one has it. */
    Optional<Person> findByMail(String mail);

    /** Everyone under the people base. */
    List<Person> people();

    /** Whether this username and password bind to the directory (the account's own bind, as a login does). */
    boolean authenticate(String username, String password);

    Set<String> groupsOf(String username);

    /** Adds the person to the group; returns whether they were not a member before. */
    boolean addToGroup(String username, String group);

    /** Removes the person from the group; returns whether they were a member before. */
    boolean removeFromGroup(String username, String group);

    /** Sets a new password in the directory (RFC 3062, or {@code unicodePwd} in Active Directory). */
    void setPassword(String username, String newPassword);

    boolean isLocked(String username);

    void lock(String username);

    void unlock(String username);

    /** Whether Loket may add people itself (only to the embedded directory; a real one has its own provisioning). */
    boolean canAddPeople();

    /** Adds the person unless someone has that username already; returns whether they were added. */
    boolean addPersonIfAbsent(NewPerson person);
}
