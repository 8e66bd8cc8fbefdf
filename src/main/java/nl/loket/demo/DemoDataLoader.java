package nl.loket.demo;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.access.Fulfilment;
import nl.loket.access.SoftwareAccessProcess;
import nl.loket.access.SoftwareCatalog;
import nl.loket.environment.DemoEnvironmentHistory;
import nl.loket.environment.EnvironmentTemplate;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.environment.TemplateCatalog;
import nl.loket.environment.provider.SimulatedCloudProvider;
import nl.loket.request.FormRequestService;
import nl.loket.request.RequestService;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.scheduling.StartUpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo users and catalogue for the embedded run (loket.demo-data.enabled, on by default, off in the postgres
 * profile). Adds only what is missing, so it is safe on every start and never overwrites changes.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "loket.demo-data.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    /** Installed by IT by hand: emma's request for it waits in frank's inbox from the first start on. */
    static final String MANUAL_INSTALL = "QGIS";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UserAccountService users;
    private final SoftwareCatalog software;
    private final TenantService tenants;
    private final TemplateCatalog templates;
    private final DemoEnvironmentHistory history;
    private final FormRequestService formRequests;
    private final RequestService requests;
    private final UserDetailsService logins;
    private final StartUpLock startUp;

    DemoDataLoader(UserAccountService users, SoftwareCatalog software, TenantService tenants,
                   TemplateCatalog templates, DemoEnvironmentHistory history, FormRequestService formRequests,
                   RequestService requests, UserDetailsService logins, StartUpLock startUp) {
        this.startUp = startUp;
        this.history = history;
        this.formRequests = formRequests;
        this.requests = requests;
        this.logins = logins;
        this.users = users;
        this.software = software;
        this.tenants = tenants;
        this.templates = templates;
    }

    @Override
    public void run(ApplicationArguments args) {
        startUp.runAlone("demo data", this::load);
    }

    private void load() {
        // the demo directory (directory/demo.ldif) has them already; added to an embedded directory seeded without
        // them. Managers first: a manager must exist before someone can report to them
        user("mark", "Mark de Vries", null, Roles.EMPLOYEE, Roles.APPROVER);
        user("emma", "Emma Jansen", "mark", Roles.EMPLOYEE);
        user("frank", "Frank Bakker", "mark", Roles.EMPLOYEE, Roles.FULFILLER);
        user("ada", "Ada Visser", null, Roles.EMPLOYEE, Roles.PROCESS_ADMIN);
        user("sanne", "Sanne de Boer", "mark", Roles.EMPLOYEE, Roles.APPROVER);

        software.addIfAbsent("Visual Studio Code", "Microsoft", "Code editor", BigDecimal.ZERO);
        software.addIfAbsent("LibreOffice", "The Document Foundation", "Office suite", BigDecimal.ZERO);
        software.addIfAbsent("Camunda Modeler", "Camunda", "BPMN, DMN and form modeller", BigDecimal.ZERO);
        software.addIfAbsent("IntelliJ IDEA Ultimate", "JetBrains", "Java IDE", new BigDecimal("49.90"));
        software.addIfAbsent("Adobe Acrobat Pro", "Adobe", "PDF editing and signing", new BigDecimal("19.99"));
        software.addIfAbsent("Microsoft Visio", "Microsoft", "Diagrams and floor plans", new BigDecimal("12.60"));
        // no directory group: an IT fulfiller installs these by hand
        software.addIfAbsent(MANUAL_INSTALL, "QGIS.org", "Maps and geodata", BigDecimal.ZERO, Fulfilment.MANUAL);
        software.addIfAbsent("ArcGIS Pro", "Esri", "Maps and spatial analysis", new BigDecimal("115.00"),
                Fulfilment.MANUAL);
        tenantsAndTemplates();
        history.addIfNoEnvironments();
        as("emma", this::manualInstallWaitingForFulfilment);
        log.info("Demo data is on: users emma, mark, frank, ada and sanne (password '{}')", DEMO_PASSWORD);
    }

    /** Four tenants of 50,000 credits a year (EUR 150,000), and the four templates of docs/wegwijzer.md. */
    private void tenantsAndTemplates() {
        BigDecimal budget = new BigDecimal("50000");
        tenants.addIfAbsent(new Tenant("utrecht", "Gemeente Utrecht", "mark", "sanne", budget), List.of("emma", "frank"));
        tenants.addIfAbsent(new Tenant("amersfoort", "Gemeente Amersfoort", "mark", "sanne", budget), List.of("emma"));
        tenants.addIfAbsent(new Tenant("zeist", "Gemeente Zeist", "frank", "sanne", budget), List.of("emma"));
        tenants.addIfAbsent(new Tenant("provincie", "Provincie Utrecht", "ada", "sanne", budget), List.of("frank"));

        Set<Stage> all = EnumSet.allOf(Stage.class);
        template("web-application", "Web application (app + database)", "Webapplicatie (app + database)",
                "An application server with its own PostgreSQL database.",
                "Een applicatieserver met een eigen PostgreSQL-database.",
                List.of("Application server", "PostgreSQL database"), all, SimulatedCloudProvider.ID,
                "1", "2", "4");
        template("application-landscape", "Complete application landscape", "Compleet applicatielandschap",
                "Front end, application server, message broker, database and identity provider, as in production.",
                "Front-end, applicatieserver, message broker, database en identity provider, zoals in productie.",
                List.of("Web front end", "Application server", "Message broker", "PostgreSQL database",
                        "Identity provider"),
                EnumSet.of(Stage.TEST, Stage.ACCEPTANCE, Stage.PRODUCTION_LIKE), SimulatedCloudProvider.ID,
                null, "4", "8");
        template("data-workspace", "Data workspace", "Datawerkplek",
                "Notebooks, object storage and a database for analysis.",
                "Notebooks, objectopslag en een database voor analyse.",
                List.of("Notebook workspace", "Object storage", "PostgreSQL database"),
                EnumSet.of(Stage.DEVELOPMENT, Stage.TEST), SimulatedCloudProvider.ID, "1.5", "3", null);
        // a real PostgreSQL database when a server is configured (docs/environment-providers.md)
        String sandboxProvider = templates.providerIds().contains("postgresql") ? "postgresql" : SimulatedCloudProvider.ID;
        template("database-sandbox", "Database sandbox", "Databasesandbox",
                "An empty PostgreSQL database of your own, with an owner account.",
                "Een eigen lege PostgreSQL-database, met een eigenaarsaccount.",
                List.of("PostgreSQL database"), EnumSet.of(Stage.DEVELOPMENT, Stage.TEST), sandboxProvider,
                "0.5", "1", null);
    }

    private void template(String code, String nameEn, String nameNl, String descriptionEn, String descriptionNl,
                          List<String> components, Set<Stage> stages, String provider, String small, String medium,
                          String large) {
        Map<Size, BigDecimal> factors = new EnumMap<>(Size.class);
        factors.put(Size.SMALL, small == null ? null : new BigDecimal(small));
        factors.put(Size.MEDIUM, medium == null ? null : new BigDecimal(medium));
        factors.put(Size.LARGE, large == null ? null : new BigDecimal(large));
        templates.addIfAbsent(new EnvironmentTemplate(code, nameEn, nameNl, descriptionEn, descriptionNl, components,
                stages, provider, factors, true));
    }

    /** Emma's request for QGIS, so that frank (the IT fulfiller) has work on his first login; once. */
    private void manualInstallWaitingForFulfilment() {
        boolean asked = requests.myRequests().stream().anyMatch(request ->
                request.type().equals(SoftwareAccessProcess.KEY) && request.summary().equals(MANUAL_INSTALL));
        if (asked) {
            return;
        }
        long qgis = software.active().stream().filter(s -> s.name().equals(MANUAL_INSTALL)).findFirst()
                .orElseThrow().id();
        var request = formRequests.submit(SoftwareAccessProcess.KEY, Map.of(
                SoftwareAccessProcess.SOFTWARE.name(), qgis,
                SoftwareAccessProcess.JUSTIFICATION.name(), "I draw the maps for the new district plan.",
                SoftwareAccessProcess.ADMIN_RIGHTS.name(), false), users.language("emma"));
        log.info("Demo data: {} (emma, {}) waits for an IT fulfiller", request.number(), MANUAL_INSTALL);
    }

    /** Runs a step of the demo as that user, through the same services (and checks) as their own clicks. */
    private void as(String username, Runnable step) {
        UserDetails user = logins.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            step.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void user(String username, String name, String manager, String... roles) {
        if (!users.canAddPeople()) {
            return;
        }
        users.createIfAbsent(new UserAccount(username, name, username + "@loket.example", manager, true,
                Set.of(roles)), DEMO_PASSWORD);
    }
}
