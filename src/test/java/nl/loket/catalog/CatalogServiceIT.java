package nl.loket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import nl.loket.support.SoftwareRequests;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue comes from deployed models, per user and language; starting is refused on the server. */
@LoketIntegrationTest
class CatalogServiceIT {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Autowired CatalogService catalog;
    @Autowired TestUsers users;
    @Autowired UserAccountService accounts;
    @Autowired RepositoryService repositoryService;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void deployTestRequestTypes() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey("fulfiller-tool").count() == 0) {
            repositoryService.createDeployment().name("catalog-test")
                    .addClasspathResource("catalog/fulfiller-tool.bpmn").deploy();
        }
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void an_employee_sees_software_access_in_her_language() {
        users.loginAs("emma");
        CatalogItem english = catalog.find("software-access", Locale.ENGLISH).orElseThrow();
        assertThat(english.name()).isEqualTo("Software access");
        assertThat(english.category()).isEqualTo("software");
        assertThat(english.expectedFulfilment()).isEqualTo(Duration.ofHours(4));
        assertThat(english.startPath()).isEqualTo("request/software-access");

        CatalogItem dutch = catalog.find("software-access", DUTCH).orElseThrow();
        assertThat(dutch.name()).isEqualTo("Toegang tot software");
        assertThat(dutch.description()).startsWith("Vraag een applicatie");
    }

    @Test
    void only_request_types_the_user_may_start_are_listed() {
        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .contains("software-access").doesNotContain("fulfiller-tool");

        users.loginAs("frank");
        assertThat(catalog.items(DUTCH)).extracting(CatalogItem::processKey)
                .contains("software-access", "fulfiller-tool");
        CatalogItem tool = catalog.find("fulfiller-tool", DUTCH).orElseThrow();
        assertThat(tool.name()).isEqualTo("Diagnosehulpmiddel");
        assertThat(tool.description()).as("falls back to the BPMN documentation")
                .isEqualTo("Diagnostic tooling for IT staff.");
    }

    @Test
    void processes_without_a_category_are_not_in_the_catalogue() {
        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .doesNotContain("internal-housekeeping");
    }

    @Test
    void search_ignores_case_and_accents_and_needs_every_word() {
        users.loginAs("frank");
        assertThat(catalog.search("LICENTIE", DUTCH)).extracting(CatalogItem::processKey)
                .containsExactly("software-access");
        assertThat(catalog.search("licéntie applicatie", DUTCH)).extracting(CatalogItem::processKey)
                .containsExactly("software-access");
        assertThat(catalog.search("netwerk", DUTCH)).extracting(CatalogItem::processKey)
                .containsExactly("fulfiller-tool");
        assertThat(catalog.search("licentie netwerk", DUTCH)).isEmpty();
        assertThat(catalog.search("  ", DUTCH)).hasSameSizeAs(catalog.items(DUTCH));
    }

    @Test
    void starting_a_type_you_may_not_start_is_refused_on_the_server() {
        users.loginAs("emma");
        assertThatThrownBy(() -> catalog.checkMayStart("fulfiller-tool")).isInstanceOf(NotStartableException.class);
        assertThatThrownBy(() -> catalog.checkMayStart("no-such-process")).isInstanceOf(NotStartableException.class);

        accounts.createIfAbsent(new UserAccount("olaf", "Olaf Smit", null, null, true, Set.of(Roles.FULFILLER)),
                "secret-for-olaf");
        users.loginAs("olaf");
        long before = jdbc.sql("select count(*) from service_request").query(Long.class).single();
        long free = softwareRequests.anyFreeSoftware();
        assertThatThrownBy(() -> softwareRequests.submit(SoftwareRequests.form(free, "Not an employee, still asking.",
                false, LocalDate.now().plusDays(3)))).isInstanceOf(NotStartableException.class);
        assertThat(jdbc.sql("select count(*) from service_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void search_reads_the_texts_of_every_language() {
        users.loginAs("emma");
        assertThat(catalog.search("licentie", Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .containsExactly("software-access");
        assertThat(catalog.search("licences", DUTCH)).extracting(CatalogItem::processKey)
                .containsExactly("software-access");
    }
}
