package nl.loket.ui;

import nl.loket.access.ui.SoftwareRequestView;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.ui.InboxView;
import nl.loket.notification.NotificationService;
import nl.loket.notification.ui.NotificationsView;
import nl.loket.request.ui.MyRequestsView;
import nl.loket.security.CurrentUser;
import nl.loket.security.Roles;
import nl.loket.security.UserAccountService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** The frame around every view: navigation that shows only what the user's roles allow. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String COCKPIT_URL = "/camunda/app/cockpit/default/";

    private final AccessAnnotationChecker access;
    private final NotificationService notifications;
    private final InboxService inbox;
    private final CurrentUser currentUser;

    final SideNav nav = new SideNav();
    final Span unreadBadge = new Span();
    final Button bell = new Button(VaadinIcon.BELL.create());
    private SideNavItem inboxItem;

    public MainLayout(AccessAnnotationChecker access, AuthenticationContext authentication,
                      NotificationService notifications, InboxService inbox, CurrentUser currentUser,
                      UserAccountService users) {
        this.access = access;
        this.notifications = notifications;
        this.inbox = inbox;
        this.currentUser = currentUser;
        setPrimarySection(Section.DRAWER);
        addToNavbar(true, new DrawerToggle(), header(authentication, users));
        addToDrawer(drawer());
    }

    private Component header(AuthenticationContext authentication, UserAccountService users) {
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel(getTranslation("nav.notifications"));
        bell.setId("notification-bell");
        bell.getStyle().set("position", "relative");
        bell.addClickListener(e -> bell.getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        unreadBadge.addClassName("loket-bell-count");
        unreadBadge.setId("unread-count");
        bell.getElement().appendChild(unreadBadge.getElement());

        Span name = new Span(users.displayName(currentUser.username()));
        name.addClassNames(LumoUtility.FontWeight.MEDIUM);
        name.setId("current-user");
        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(),
                e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        HorizontalLayout right = new HorizontalLayout(bell, new LanguageSwitcher(), name, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.setSpacing(true);
        right.getStyle().set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
        HorizontalLayout header = new HorizontalLayout(right);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        return header;
    }

    private Component drawer() {
        Div brand = LoginView.brand();
        brand.addClassNames(LumoUtility.Padding.MEDIUM);
        addIfAllowed(MyRequestsView.class, "nav.my-requests", VaadinIcon.LIST);
        addIfAllowed(SoftwareRequestView.class, "nav.request-software", VaadinIcon.CART);
        inboxItem = addIfAllowed(InboxView.class, "nav.inbox", VaadinIcon.INBOX);
        addIfAllowed(NotificationsView.class, "nav.notifications", VaadinIcon.BELL);
        VerticalLayout drawer = new VerticalLayout(brand, nav);
        drawer.setPadding(false);
        if (currentUser.hasRole(Roles.PROCESS_ADMIN)) {
            Anchor cockpit = new Anchor(COCKPIT_URL, getTranslation("nav.cockpit"));
            cockpit.setRouterIgnore(true);
            cockpit.setId("cockpit-link");
            cockpit.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
            drawer.add(cockpit);
        }
        return drawer;
    }

    private SideNavItem addIfAllowed(Class<? extends Component> view, String labelKey, VaadinIcon icon) {
        if (!access.hasAccess(view)) {
            return null;
        }
        SideNavItem item = new SideNavItem(getTranslation(labelKey), view, icon.create());
        nav.addItem(item);
        return item;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        int unread = notifications.unreadCount();
        unreadBadge.setText(String.valueOf(unread));
        unreadBadge.setVisible(unread > 0);
        if (inboxItem != null) {
            int open = inbox.myTaskCount();
            inboxItem.setSuffixComponent(open > 0 ? badge(open) : null);
        }
    }

    private static Span badge(int count) {
        Span badge = new Span(String.valueOf(count));
        badge.getElement().getThemeList().add("badge contrast pill small");
        badge.setId("inbox-count");
        return badge;
    }
}
