package nl.loket.directory;

import java.util.Set;

/** A person to add to a directory that Loket may write people to (the embedded one): demo data, tests, first admin. */
public record NewPerson(String username, String displayName, String email, String managerUsername,
                        Set<String> groups, String password) {

    @Override
    public String toString() {
        return "NewPerson[" + username + "]";
    }
}
