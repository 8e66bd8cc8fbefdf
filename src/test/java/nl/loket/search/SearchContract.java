package nl.loket.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestModels;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the portal's search finds for a user, and what it never finds: the demo catalogue, a test request type with
 * options of its own, and requests of two users. Run against H2 and PostgreSQL by the subclasses, since the
 * sources' SQL must fold case and accents the same on both.
 */
abstract class SearchContract {

    static final Locale DUTCH = Locale.forLanguageTag("nl");
    static final String MONITOR = "workplace-monitor";

    @Autowired SearchService search;
    @Autowired RequestService requests;
    @Autowired UserAccountService accounts;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests software;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcClient jdbc;

    Request sofiesScanner;
    Request tobiasScanner;

    @BeforeEach
    void usersRequestsAndTypes() {
        TestModels.deployOnce(repositoryService, MONITOR, "form-request-types/workplace-monitor.bpmn",
                "form-request-types/workplace-monitor-request.form");
        TestModels.deployOnce(repositoryService, "fulfiller-tool", "catalog/fulfiller-tool.bpmn");
        accounts.createIfAbsent(new UserAccount("sofie", "Sofie Jansen", "sofie@loket.example", "mark", true,
                Set.of(Roles.EMPLOYEE)), "secret-for-sofie");
        accounts.createIfAbsent(new UserAccount("tobias", "Tobias Visser", "tobias@loket.example", "mark", true,
                Set.of(Roles.EMPLOYEE, Roles.APPROVER, Roles.PROCESS_ADMIN)), "secret-for-tobias");
        accounts.createIfAbsent(new UserAccount("petra", "Petra Bos", "petra@loket.example", null, true,
                Set.of(Roles.FULFILLER)), "secret-for-petra");
        sofiesScanner = requests.create("software-access", "sofie", "Scanner drivers for the Zürich office");
        tobiasScanner = requests.create("software-access", "tobias", "Scanner drivers for the Zürich office");
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void part_of_a_product_name_finds_the_application_inside_software_access() {
        users.loginAs("sofie");
        SearchResults found = search.search("intelli", Locale.ENGLISH);

        assertThat(found.of(SearchKind.PRODUCT)).extracting(SearchHit::title).containsExactly("IntelliJ IDEA Ultimate");
        SearchHit intellij = found.of(SearchKind.PRODUCT).get(0);
        assertThat(intellij.path()).isEqualTo("request/software-access?software="
                + software.softwareId("IntelliJ IDEA Ultimate"));
        assertThat(intellij.context()).isEqualTo("Software access");
        assertThat(intellij.description()).contains("JetBrains");
        assertThat(search.search("intelli", DUTCH).of(SearchKind.PRODUCT).get(0).context())
                .isEqualTo("Toegang tot software");
    }

    @Test
    void case_and_accents_do_not_matter_in_the_query_or_the_data() {
        users.loginAs("sofie");
        assertThat(titles(search.search("INTÉLLIJ ultim", Locale.ENGLISH), SearchKind.PRODUCT))
                .containsExactly("IntelliJ IDEA Ultimate");
        // an accent in the data, folded by the database
        assertThat(ids(search.search("zurich", Locale.ENGLISH), SearchKind.MY_REQUEST)).contains(sofiesScanner.number());
        assertThat(ids(search.search("ZÜRICH", Locale.ENGLISH), SearchKind.MY_REQUEST)).contains(sofiesScanner.number());
    }

    @Test
    void environment_templates_are_found_in_both_languages_and_by_component() {
        users.loginAs("sofie");
        SearchResults dutchWords = search.search("datawerk", Locale.ENGLISH);
        assertThat(dutchWords.of(SearchKind.PRODUCT)).extracting(SearchHit::title).containsExactly("Data workspace");
        assertThat(dutchWords.of(SearchKind.PRODUCT).get(0).path()).isEqualTo("environments/new?template=data-workspace");
        assertThat(dutchWords.of(SearchKind.PRODUCT).get(0).context()).isEqualTo("Environment (Wegwijzer)");

        assertThat(titles(search.search("message broker", DUTCH), SearchKind.PRODUCT))
                .containsExactly("Compleet applicatielandschap");
    }

    @Test
    void request_types_are_found_by_their_texts_in_any_language() {
        users.loginAs("sofie");
        assertThat(ids(search.search("licentie", Locale.ENGLISH), SearchKind.REQUEST_TYPE))
                .containsExactly("software-access");
        assertThat(ids(search.search("licence", DUTCH), SearchKind.REQUEST_TYPE)).containsExactly("software-access");
        assertThat(search.search("licence", DUTCH).of(SearchKind.REQUEST_TYPE).get(0).title())
                .isEqualTo("Toegang tot software");
    }

    @Test
    void a_request_type_the_user_may_not_start_and_its_products_are_not_found() {
        users.loginAs("sofie");
        assertThat(ids(search.search("netwerk", Locale.ENGLISH), SearchKind.REQUEST_TYPE)).doesNotContain("fulfiller-tool");

        // petra is an IT fulfiller only: she may not request software or environments
        users.loginAs("petra");
        assertThat(ids(search.search("netwerk", Locale.ENGLISH), SearchKind.REQUEST_TYPE)).contains("fulfiller-tool");
        assertThat(search.search("intelli", Locale.ENGLISH).of(SearchKind.PRODUCT)).isEmpty();
        assertThat(search.search("database", Locale.ENGLISH).of(SearchKind.PRODUCT)).isEmpty();
        assertThat(ids(search.search("software", Locale.ENGLISH), SearchKind.REQUEST_TYPE))
                .doesNotContain("software-access");
    }

    @Test
    void the_options_of_a_form_only_request_type_are_products_that_open_it_with_the_option_chosen() {
        users.loginAs("sofie");
        List<SearchHit> found = monitorOptions(search.search("27 inch", Locale.ENGLISH));
        assertThat(found).extracting(SearchHit::title).containsExactly("27 inch");
        SearchHit option = found.get(0);
        assertThat(option.path()).isEqualTo("request/workplace-monitor?size=27");
        assertThat(option.context()).isEqualTo("Monitor for my workplace");
        assertThat(option.description()).isEqualTo("Size");
        assertThat(monitorOptions(search.search("monitor 32", DUTCH))).extracting(SearchHit::title)
                .containsExactly("32 inch");
        assertThat(monitorOptions(search.search("monitor", Locale.ENGLISH)))
                .as("the type's own name alone finds the type, not each of its options").isEmpty();
        assertThat(ids(search.search("monitor", Locale.ENGLISH), SearchKind.REQUEST_TYPE)).contains(MONITOR);
    }

    private static List<SearchHit> monitorOptions(SearchResults results) {
        return results.of(SearchKind.PRODUCT).stream().filter(hit -> hit.path().startsWith("request/" + MONITOR + "?"))
                .toList();
    }

    @Test
    void own_requests_are_found_by_number_part_of_it_and_subject() {
        users.loginAs("sofie");
        String number = sofiesScanner.number();
        assertThat(ids(search.search(number, Locale.ENGLISH), SearchKind.MY_REQUEST)).containsExactly(number);
        assertThat(ids(search.search(number.toLowerCase(Locale.ROOT), Locale.ENGLISH), SearchKind.MY_REQUEST))
                .containsExactly(number);
        String digits = number.substring(number.lastIndexOf('-') + 1);
        assertThat(ids(search.search(digits, Locale.ENGLISH), SearchKind.MY_REQUEST)).containsExactly(number);
        SearchHit hit = search.search("scanner drivers", Locale.ENGLISH).of(SearchKind.MY_REQUEST).get(0);
        assertThat(hit.id()).isEqualTo(number);
        assertThat(hit.path()).isEqualTo("requests/" + number);
        assertThat(hit.title()).isEqualTo(number + " · Scanner drivers for the Zürich office");
        assertThat(hit.description()).isEqualTo("Software access");
        assertThat(hit.context()).startsWith("Submitted · ");
        assertThat(search.search("scanner drivers", DUTCH).of(SearchKind.MY_REQUEST).get(0).context())
                .startsWith("Ingediend · ");
    }

    @Test
    void other_peoples_requests_are_never_found_whatever_the_searchers_roles() {
        users.loginAs("sofie");
        assertThat(ids(search.search(tobiasScanner.number(), Locale.ENGLISH), SearchKind.MY_REQUEST)).isEmpty();
        assertThat(ids(search.search("scanner drivers", Locale.ENGLISH), SearchKind.MY_REQUEST))
                .doesNotContain(tobiasScanner.number());

        // tobias approves and administers processes: still only his own
        users.loginAs("tobias");
        assertThat(ids(search.search(sofiesScanner.number(), Locale.ENGLISH), SearchKind.MY_REQUEST)).isEmpty();
        assertThat(ids(search.search("scanner", Locale.ENGLISH), SearchKind.MY_REQUEST))
                .contains(tobiasScanner.number()).doesNotContain(sofiesScanner.number());
    }

    @Test
    void wildcards_typed_are_characters_and_a_blank_query_finds_nothing() {
        users.loginAs("sofie");
        assertThat(search.search("%", Locale.ENGLISH).isEmpty()).isTrue();
        assertThat(search.search("_", Locale.ENGLISH).isEmpty()).isTrue();
        assertThat(search.search("   ", Locale.ENGLISH).isEmpty()).isTrue();
        assertThat(search.search("intelli zzzqqq", Locale.ENGLISH).isEmpty()).as("every word must match").isTrue();
    }

    @Test
    void inactive_software_is_not_found() {
        jdbc.sql("insert into software (name, vendor, description, licence_cost_eur, active) "
                + "select 'Retired Searchtool', 'Old BV', 'No longer offered', 0, false where not exists "
                + "(select 1 from software where name = 'Retired Searchtool')").update();
        users.loginAs("sofie");
        assertThat(search.search("searchtool", Locale.ENGLISH).of(SearchKind.PRODUCT)).isEmpty();
    }

    private static List<String> titles(SearchResults results, SearchKind kind) {
        return results.of(kind).stream().map(SearchHit::title).toList();
    }

    private static List<String> ids(SearchResults results, SearchKind kind) {
        return results.of(kind).stream().map(SearchHit::id).toList();
    }
}
