package nl.loket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import nl.loket.inbox.ui.InboxView;
import nl.loket.request.ui.MyRequestsView;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The navigation shows each role what it may use, and a view a role may not use cannot be opened. */
@LoketIntegrationTest
class NavigationByRoleIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void an_employee_sees_requests_but_no_inbox_and_no_cockpit() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        assertThat(navLabels()).containsExactly("My requests", "Request something", "Environments",
                "Tenant environments", "Notifications", "Sustainability");
        assertThat(_find(Anchor.class, spec -> spec.withId("cockpit-link"))).isEmpty();
    }

    @Test
    void an_employee_cannot_open_the_inbox_by_its_address() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate("inbox");
        assertThat(_find(InboxView.class)).isEmpty();
        _get(AccessDeniedView.class);
    }

    @Test
    void an_approver_sees_the_inbox_in_dutch() {
        KaribuSupport.openAs("mark", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(MyRequestsView.class);
        assertThat(navLabels()).containsExactly("Mijn aanvragen", "Iets aanvragen", "Omgevingen",
                "Organisatie-omgevingen", "Werkbak", "Meldingen", "Afwezigheid", "Duurzaamheid");
        UI.getCurrent().navigate(InboxView.class);
        _get(InboxView.class);
    }

    @Test
    void a_process_admin_gets_the_cockpit_link() {
        KaribuSupport.openAs("ada", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("cockpit-link")).getHref())
                .isEqualTo("/camunda/app/cockpit/default/");
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
